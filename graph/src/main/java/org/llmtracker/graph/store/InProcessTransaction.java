package org.llmtracker.graph.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.graphdb.QueryExecutionType;
import org.neo4j.graphdb.Transaction;

/**
 * The driver's transaction context over an embedded transaction, so store code written
 * against the driver runs in-process unchanged. As over Bolt, running a query first buffers
 * whatever an earlier query of the transaction left unread.
 */
final class InProcessTransaction implements TransactionContext {

    private final Transaction tx;
    private final boolean readOnly;
    private final String database;
    private final List<InProcessResult> results = new ArrayList<>();

    InProcessTransaction(Transaction tx, boolean readOnly, String database) {
        this.tx = tx;
        this.readOnly = readOnly;
        this.database = database;
    }

    @Override
    public Result run(String query, Value parameters) {
        return run(query, parameters == null ? Map.of() : parameters.asMap(v -> v));
    }

    @Override
    public Result run(String query, Record parameters) {
        return run(query, parameters == null ? Map.of() : parameters.asMap(v -> v));
    }

    @Override
    public Result run(String query) {
        return run(query, Map.of());
    }

    @Override
    public Result run(Query query) {
        return run(query.text(), query.parameters().asMap(v -> v));
    }

    @Override
    public Result run(String query, Map<String, Object> parameters) {
        return execute(query, parameters == null ? Map.of() : parameters);
    }

    private Result execute(String text, Map<String, ?> parameters) {
        results.forEach(InProcessResult::buffer);
        org.neo4j.graphdb.Result rows;
        try {
            rows = tx.execute(text, EmbeddedValues.parameters(parameters));
        } catch (RuntimeException e) {
            throw EmbeddedErrors.translate(e);
        }
        if (readOnly && writes(rows.getQueryExecutionType())) {
            rows.close();
            throw EmbeddedErrors.writeInReadMode(database);
        }
        // The query text alone: the summary is rarely read, and converting parameters back would cost every query.
        InProcessResult result = new InProcessResult(rows, new Query(text), database);
        results.add(result);
        return result;
    }

    /**
     * The planner's verdict, the same one the server's router applies to a Bolt read
     * transaction. The engine may already have run a write eagerly; refusing here fails the
     * transaction, so it is rolled back, never committed.
     */
    private static boolean writes(QueryExecutionType type) {
        return type.canUpdateData() || type.canUpdateSchema();
    }

    /** Runs every query of the transaction to its end; called once the caller's work has returned. */
    void complete() {
        results.forEach(InProcessResult::completeForCommit);
    }
}
