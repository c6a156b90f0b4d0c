package org.llmtracker.graph.store;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cypher run by the embedded engine in this JVM: no Bolt, no serialisation, a small fraction
 * of the driver's cost for a small query. Transactions are managed like the driver's: committed when
 * the work returns, rolled back when it throws, retried with backoff on transient failures
 * (deadlocks, lock timeouts) for up to {@link #MAX_RETRY_TIME}.
 */
final class InProcessTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(InProcessTransport.class);
    private static final Duration MAX_RETRY_TIME = Duration.ofSeconds(30);
    // Far below the driver's one second: an in-process deadlock is found and its victim freed at once.
    private static final long FIRST_DELAY_NANOS = Duration.ofMillis(5).toNanos();
    private static final long MAX_DELAY_NANOS = Duration.ofSeconds(1).toNanos();

    private final GraphDatabaseService database;

    InProcessTransport(GraphDatabaseService database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public <T> T read(TransactionCallback<T> work) {
        return retrying(work, true);
    }

    @Override
    public <T> T write(TransactionCallback<T> work) {
        return retrying(work, false);
    }

    private <T> T retrying(TransactionCallback<T> work, boolean readOnly) {
        long started = System.nanoTime();
        long delay = FIRST_DELAY_NANOS;
        for (int attempt = 1;; attempt++) {
            try {
                return once(work, readOnly);
            } catch (RuntimeException e) {
                if (!(e instanceof RetryableException) || System.nanoTime() - started + delay > MAX_RETRY_TIME.toNanos()) {
                    throw e;
                }
                log.debug("Transaction attempt {} failed transiently, retrying: {}", attempt, e.getMessage());
                pause(delay, e);
                delay = Math.min(delay * 2, MAX_DELAY_NANOS);
            }
        }
    }

    private <T> T once(TransactionCallback<T> work, boolean readOnly) {
        Transaction tx = begin();
        try (tx) {
            InProcessTransaction context = new InProcessTransaction(tx, readOnly, database.databaseName());
            T result = work.execute(context);
            context.complete();
            commit(tx);
            return result;
        }
    }

    /*
     * A read transaction is an ordinary one whose statements are checked for writes (see
     * InProcessTransaction). The kernel's READ security mode was tried first: it refuses
     * writes, but also SHOW CONSTRAINTS and SHOW INDEXES, which a Bolt read transaction allows.
     */
    private Transaction begin() {
        try {
            return database.beginTx();
        } catch (RuntimeException e) {
            throw EmbeddedErrors.translate(e);
        }
    }

    private static void commit(Transaction tx) {
        try {
            tx.commit();
        } catch (RuntimeException e) {
            throw EmbeddedErrors.translate(e);
        }
    }

    private static void pause(long nanos, RuntimeException failure) {
        // Jitter keeps two deadlocked transactions from colliding again on the same schedule.
        long jittered = (long) (nanos * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        try {
            Thread.sleep(jittered / 1_000_000, (int) (jittered % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "in-process, database '" + database.databaseName() + "'";
    }
}
