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
import org.neo4j.graphdb.QueryExecutionType;
import org.neo4j.graphdb.QueryStatistics;

/**
 * What an in-process query reports once consumed: its text, counters and type. Plans,
 * notifications, timings and server details are not collected; asking for them fails
 * loudly rather than answering with a made-up value.
 */
record InProcessSummary(Query query, SummaryCounters counters, QueryType queryType, String databaseName)
        implements ResultSummary {

    static InProcessSummary of(Query query, QueryExecutionType type, QueryStatistics statistics, String database) {
        return new InProcessSummary(query, new Counters(statistics), queryType(type), database);
    }

    private static QueryType queryType(QueryExecutionType type) {
        if (type.canUpdateSchema()) {
            return QueryType.SCHEMA_WRITE;
        }
        if (type.canUpdateData()) {
            return type.canContainResults() ? QueryType.READ_WRITE : QueryType.WRITE_ONLY;
        }
        return QueryType.READ_ONLY;
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

    private record Counters(QueryStatistics statistics) implements SummaryCounters {

        @Override
        public boolean containsUpdates() {
            return statistics.containsUpdates();
        }

        @Override
        public int nodesCreated() {
            return statistics.getNodesCreated();
        }

        @Override
        public int nodesDeleted() {
            return statistics.getNodesDeleted();
        }

        @Override
        public int relationshipsCreated() {
            return statistics.getRelationshipsCreated();
        }

        @Override
        public int relationshipsDeleted() {
            return statistics.getRelationshipsDeleted();
        }

        @Override
        public int propertiesSet() {
            return statistics.getPropertiesSet();
        }

        @Override
        public int labelsAdded() {
            return statistics.getLabelsAdded();
        }

        @Override
        public int labelsRemoved() {
            return statistics.getLabelsRemoved();
        }

        @Override
        public int indexesAdded() {
            return statistics.getIndexesAdded();
        }

        @Override
        public int indexesRemoved() {
            return statistics.getIndexesRemoved();
        }

        @Override
        public int constraintsAdded() {
            return statistics.getConstraintsAdded();
        }

        @Override
        public int constraintsRemoved() {
            return statistics.getConstraintsRemoved();
        }

        @Override
        public boolean containsSystemUpdates() {
            return statistics.containsSystemUpdates();
        }

        @Override
        public int systemUpdates() {
            return statistics.getSystemUpdates();
        }
    }
}
