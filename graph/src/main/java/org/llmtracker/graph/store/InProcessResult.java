package org.llmtracker.graph.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.neo4j.driver.Query;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.NoSuchRecordException;
import org.neo4j.driver.exceptions.ResultConsumedException;
import org.neo4j.driver.summary.ResultSummary;

/**
 * An embedded result seen through the driver's {@link Result}: rows become driver records as
 * they are pulled, and consuming runs the query to its end as the driver's consume does.
 */
final class InProcessResult implements Result {

    private final org.neo4j.graphdb.Result rows;
    private final Query query;
    private final List<String> keys;
    private final String database;
    /** Records pulled ahead of the caller: by peek, or all of them when a later query in the transaction runs. */
    private final Deque<Record> ahead = new ArrayDeque<>();
    private boolean exhausted;
    private ResultSummary summary;
    private boolean consumed;
    private boolean closedByTransaction;

    InProcessResult(org.neo4j.graphdb.Result rows, Query query, String database) {
        this.rows = rows;
        this.query = query;
        this.keys = List.copyOf(rows.columns());
        this.database = database;
    }

    @Override
    public List<String> keys() {
        return keys;
    }

    @Override
    public boolean hasNext() {
        requireOpen();
        return !ahead.isEmpty() || pull();
    }

    @Override
    public Record next() {
        if (!hasNext()) {
            throw new NoSuchRecordException("No more records");
        }
        return ahead.poll();
    }

    @Override
    public Record single() {
        if (!hasNext()) {
            throw new NoSuchRecordException("Cannot retrieve a single record, because this result is empty.");
        }
        Record first = next();
        if (hasNext()) {
            throw new NoSuchRecordException("Expected a result with a single record, but this result contains at "
                    + "least one more. Ensure your query returns only one record.");
        }
        return first;
    }

    @Override
    public Record peek() {
        if (!hasNext()) {
            throw new NoSuchRecordException("Cannot peek past the last record");
        }
        return ahead.peek();
    }

    @Override
    public Stream<Record> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.IMMUTABLE),
                false);
    }

    @Override
    public List<Record> list() {
        return list(Function.identity());
    }

    @Override
    public <T> List<T> list(Function<Record, T> mapFunction) {
        List<T> all = new ArrayList<>();
        while (hasNext()) {
            all.add(mapFunction.apply(next()));
        }
        return all;
    }

    @Override
    public ResultSummary consume() {
        if (closedByTransaction) {
            throw gone();
        }
        consumed = true;
        ahead.clear();
        if (summary == null) {
            finish();
        }
        return summary;
    }

    @Override
    public boolean isOpen() {
        return !consumed;
    }

    /** Pulls every remaining row into memory, as the driver does when the next query of a transaction runs. */
    void buffer() {
        boolean more = !consumed;
        while (more) {
            more = pull();
        }
    }

    /** Runs the query to its end before the transaction commits, so no write is left unexecuted. */
    void completeForCommit() {
        if (summary == null) {
            finish();
        }
        consumed = true;
        closedByTransaction = true;
        ahead.clear();
    }

    private boolean pull() {
        if (exhausted) {
            return false;
        }
        try {
            if (!rows.hasNext()) {
                finish();
                return false;
            }
            Map<String, Object> row = rows.next();
            List<Value> values = new ArrayList<>(keys.size());
            for (String key : keys) {
                values.add(EmbeddedValues.column(key, row.get(key)));
            }
            ahead.add(DriverInternals.record(keys, values));
            return true;
        } catch (RuntimeException e) {
            exhausted = true;
            throw EmbeddedErrors.translate(e);
        }
    }

    private void finish() {
        try {
            if (!exhausted) {
                while (rows.hasNext()) {
                    rows.next();
                }
            }
            summary = new InProcessSummary(query, database);
        } catch (RuntimeException e) {
            throw EmbeddedErrors.translate(e);
        } finally {
            exhausted = true;
            rows.close();
        }
    }

    private void requireOpen() {
        if (consumed) {
            throw gone();
        }
    }

    private static ResultConsumedException gone() {
        return new ResultConsumedException("Cannot access records on this result any more as the result has already "
                + "been consumed or the query runner where the result is created has already been closed.");
    }
}
