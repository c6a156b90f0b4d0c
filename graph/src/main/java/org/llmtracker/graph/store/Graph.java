package org.llmtracker.graph.store;

import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.exceptions.DiscoveryException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;

/**
 * The one door to Neo4j. Reads go through read transactions and writes through write
 * transactions, so a cluster can route reads to followers and writes to the leader. Callers
 * write against the driver's {@link org.neo4j.driver.TransactionContext} whichever way the
 * graph is reached: over Bolt, or in-process when Neo4j is embedded in this JVM.
 */
public final class Graph {

    private final Transport transport;

    private Graph(Transport transport) {
        this.transport = transport;
    }

    /** @param database the database name, or null for the server's default database */
    public static Graph overBolt(Driver driver, String database) {
        return new Graph(new BoltTransport(driver, database));
    }

    /** @param database the database name, or null for the default one ("neo4j") */
    public static Graph inProcess(EmbeddedNeo4j neo4j, String database) {
        return new Graph(new InProcessTransport(neo4j.database(database)));
    }

    public <T> T read(TransactionCallback<T> work) {
        try {
            return transport.read(work);
        } catch (Neo4jException e) {
            throw translate(e);
        }
    }

    public <T> T write(TransactionCallback<T> work) {
        try {
            return transport.write(work);
        } catch (Neo4jException e) {
            throw translate(e);
        }
    }

    /**
     * What a stopped server, a lost cluster leader or an exhausted pool produce, once the
     * retries are spent: connection refused or dropped mid-result (ServiceUnavailable),
     * routing lost (SessionExpired, Discovery), no pooled connection in time, database still
     * starting or a deadlock that would not clear (Transient). Anything else is a fault in the
     * request.
     */
    private static RuntimeException translate(Neo4jException e) {
        return e instanceof RetryableException || e instanceof DiscoveryException
                ? new GraphUnavailableException("Neo4j is unavailable: " + e.getMessage(), e)
                : e;
    }

    /** Which transport and database, for the start-up log. */
    @Override
    public String toString() {
        return transport.toString();
    }
}
