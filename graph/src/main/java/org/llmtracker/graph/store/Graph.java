package org.llmtracker.graph.store;

import java.util.Objects;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/**
 * The one door to Neo4j. Reads go through read transactions and writes through write
 * transactions, so a cluster can route reads to followers and writes to the leader.
 */
public final class Graph {

    private final Driver driver;
    private final SessionConfig sessionConfig;

    /** @param database the database name, or null for the server's default database */
    public Graph(Driver driver, String database) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.sessionConfig = database == null || database.isBlank()
                ? SessionConfig.defaultConfig()
                : SessionConfig.forDatabase(database);
    }

    public <T> T read(TransactionCallback<T> work) {
        try (Session session = driver.session(sessionConfig)) {
            return session.executeRead(work);
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw new GraphUnavailableException("Neo4j is unavailable: " + e.getMessage(), e);
        }
    }

    public <T> T write(TransactionCallback<T> work) {
        try (Session session = driver.session(sessionConfig)) {
            return session.executeWrite(work);
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw new GraphUnavailableException("Neo4j is unavailable: " + e.getMessage(), e);
        }
    }

    public Driver driver() {
        return driver;
    }
}
