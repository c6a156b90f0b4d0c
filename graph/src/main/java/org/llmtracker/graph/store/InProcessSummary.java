package org.llmtracker.graph.store;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.neo4j.driver.Query;
import org.neo4j.driver.summary.DatabaseInfo;
import org.neo4j.driver.summary.GqlStatusObject;
import org.neo4j.driver.summary.Notification;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.summary.ServerInfo;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * What an in-process query reports once consumed: its text and database. Nothing in the
 * application reads more (counters, plans, notifications, timings, server details are not
 * collected); asking for them fails loudly rather than answering with a made-up value.
 */
record InProcessSummary(Query query, String databaseName) implements ResultSummary {

    @Override
    public SummaryCounters counters() {
        throw notCollected("counters()");
    }

    @Override
    public QueryType queryType() {
        throw notCollected("queryType()");
    }

    @Override
    public DatabaseInfo database() {
        return () -> databaseName;
    }

    @Override
    public boolean hasPlan() {
        return false;
    }

    @Override
    public boolean hasProfile() {
        return false;
    }

    @Override
    public Plan plan() {
        throw notCollected("plan()");
    }

    @Override
    public ProfiledPlan profile() {
        throw notCollected("profile()");
    }

    @Override
    public List<Notification> notifications() {
        throw notCollected("notifications()");
    }

    @Override
    public Set<GqlStatusObject> gqlStatusObjects() {
        throw notCollected("gqlStatusObjects()");
    }

    @Override
    public long resultAvailableAfter(TimeUnit unit) {
        throw notCollected("resultAvailableAfter()");
    }

    @Override
    public long resultConsumedAfter(TimeUnit unit) {
        throw notCollected("resultConsumedAfter()");
    }

    @Override
    public ServerInfo server() {
        throw notCollected("server()");
    }

    private static UnsupportedOperationException notCollected(String what) {
        return new UnsupportedOperationException("InProcessSummary does not collect " + what);
    }
}
