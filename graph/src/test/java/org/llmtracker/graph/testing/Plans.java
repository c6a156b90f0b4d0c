package org.llmtracker.graph.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Values;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;

/** Query plans and their operators, for the tests that keep a query off a read of the whole store. */
public final class Plans {

    private Plans() {
    }

    /** Every operator of {@code plan}, depth first ({@code NodeIndexSeek@neo4j}, ...). */
    public static List<String> operators(Plan plan) {
        List<String> operators = new ArrayList<>();
        collect(plan, operators);
        return operators;
    }

    /** The operators of the plan Neo4j makes for {@code query} on the store as it is, without running it. */
    public static List<String> explained(Driver driver, String query, Map<String, Object> params) {
        try (Session session = driver.session()) {
            forgetPlans(session);
            return operators(session.run("EXPLAIN " + query, params).consume().plan());
        }
    }

    /** The plan Neo4j makes for {@code query} on the store as it is and runs it with, each operator with its rows and database hits. */
    public static ProfiledPlan profiled(Driver driver, String query, Map<String, Object> params) {
        try (Session session = driver.session()) {
            forgetPlans(session);
            return session.run("PROFILE " + query, params).consume().profile();
        }
    }

    /**
     * The test JVM's one store is emptied and filled again by every test, and Neo4j keeps a plan
     * for at least 10 s however much the store changed since: a plan made on another test's few
     * models (an id index scanned rather than sought, 321 database hits in CI) would be measured
     * instead of the one this test's store gets.
     */
    private static void forgetPlans(Session session) {
        session.run("CALL db.clearQueryCaches()").consume();
    }

    /** Asserts that {@code operators} seek an index and read no label, store or whole index. */
    public static void assertSeeksAndScansNothing(List<String> operators) {
        assertThat(operators).as("plan: %s", operators)
                .anyMatch(o -> o.startsWith("NodeIndexSeek"))
                .noneMatch(o -> o.startsWith("NodeByLabelScan") || o.startsWith("AllNodesScan") || o.startsWith("NodeIndexScan"));
    }

    /** The database hits of a profiled plan and all its operators. */
    public static long dbHits(ProfiledPlan plan) {
        return plan.dbHits() + plan.children().stream().mapToLong(Plans::dbHits).sum();
    }

    /** Each operator of a profiled plan with its database hits, indented by depth, for a failure's message. */
    public static String described(ProfiledPlan plan) {
        StringBuilder text = new StringBuilder();
        describe(plan, 0, text);
        return text.toString();
    }

    private static void describe(ProfiledPlan plan, int depth, StringBuilder text) {
        text.append("\n").append("  ".repeat(depth)).append(plan.operatorType()).append(' ')
                .append(plan.arguments().getOrDefault("Details", Values.NULL))
                .append(" hits=").append(plan.dbHits());
        plan.children().forEach(child -> describe(child, depth + 1, text));
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType());
        plan.children().forEach(child -> collect(child, operators));
    }
}
