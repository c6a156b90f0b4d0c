package org.llmtracker.graph.store;

import java.util.Objects;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;

/** The driver's managed transactions, with its own retries: what an external server or cluster needs. */
final class BoltTransport implements Transport {

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final String database;

    BoltTransport(Driver driver, String database) {
        this.driver = Objects.requireNonNull(driver, "driver");
        boolean serverDefault = database == null || database.isBlank();
        this.sessionConfig = serverDefault ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
        this.database = serverDefault ? "the server's default database" : "database '" + database + "'";
    }

    @Override
    public <T> T read(TransactionCallback<T> work) {
        try (Session session = driver.session(sessionConfig)) {
            return session.executeRead(work);
        }
    }

    @Override
    public <T> T write(TransactionCallback<T> work) {
        try (Session session = driver.session(sessionConfig)) {
            return session.executeWrite(work);
        }
    }

    @Override
    public String toString() {
        return "Bolt driver, " + database;
    }
}
