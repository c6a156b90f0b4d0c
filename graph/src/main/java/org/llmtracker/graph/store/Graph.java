package org.llmtracker.graph.store;

import java.util.Objects;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.exceptions.DiscoveryException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;

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
        } catch (Neo4jException e) {
            throw translate(e);
        }
    }

    public <T> T write(TransactionCallback<T> work) {
        try (Session session = driver.session(sessionConfig)) {
            return session.executeWrite(work);
        } catch (Neo4jException e) {
            throw translate(e);
        }
    }

    /**
     * What a stopped server, a lost cluster leader or an exhausted pool produce, once the
     * driver's own retries are spent: connection refused or dropped mid-result
     * (ServiceUnavailable), routing lost (SessionExpired, Discovery), no pooled connection in
     * time and database still starting (Transient). Anything else is a fault in the request.
     */
    private static RuntimeException translate(Neo4jException e) {
        return e instanceof RetryableException || e instanceof DiscoveryException
                ? new GraphUnavailableException("Neo4j is unavailable: " + e.getMessage(), e)
                : e;
    }

    public Driver driver() {
        return driver;
    }
}
