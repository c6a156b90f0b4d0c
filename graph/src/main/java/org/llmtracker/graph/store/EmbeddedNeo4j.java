package org.llmtracker.graph.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.dbms.api.DatabaseNotFoundException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j server inside this JVM. The application runs its Cypher in-process through
 * {@link #database(String)}; Bolt listens, by default on the loopback interface only, for tools
 * (cypher-shell, Browser) and the health check (see {@link BoltAccess}).
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    /**
     * A first fill writes a page of 1,000 models in about 1.4 MB of log, so this bounds the log a
     * checkpoint leaves to a few hundred MB; a crawl's small transactions make for cheap checkpoints.
     * Neo4j looks at the threshold every 10 seconds, so checkpoints never come closer than that.
     */
    static final int CHECKPOINT_EVERY_TRANSACTIONS = 100;

    private final DatabaseManagementService service;
    private final URI boltUri;
    private final Path dataDir;

    private EmbeddedNeo4j(DatabaseManagementService service, URI boltUri, Path dataDir) {
        this.service = service;
        this.boltUri = boltUri;
        this.dataDir = dataDir;
    }

    /**
     * Starts the server.
     *
     * @param dataDir  the store folder, created when missing
     * @param boltPort the loopback port for Bolt; 0 picks a free one
     * @param pageCacheMegabytes page cache size; 0 leaves Neo4j's default
     */
    public static EmbeddedNeo4j start(Path dataDir, int boltPort, long pageCacheMegabytes) {
        return start(dataDir, new BoltAccess(BoltAccess.LOOPBACK, boltPort, null), pageCacheMegabytes);
    }


    public static EmbeddedNeo4j start(Path dataDir, BoltAccess bolt, long pageCacheMegabytes) {
        int boltPort = bolt.port();
        Path home = dataDir.toAbsolutePath().normalize();
        long started = System.nanoTime();
        var builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(bolt.address(), boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(bolt.dialAddress(), boltPort))
                .setConfig(GraphDatabaseSettings.auth_enabled, bolt.authenticated())
                // Keep only what crash recovery needs; this is a cache of public data, not a ledger.
                // Logs are pruned at checkpoints only. Community's periodic policy ignores
                // db.checkpoint.interval.volume (the volume policy is Enterprise's), and its defaults
                // (100,000 transactions or 15 minutes) let a first fill pile up gigabytes of log, so
                // checkpoint after CHECKPOINT_EVERY_TRANSACTIONS or a minute (docs/hub-sweep.md).
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.check_point_interval_tx, CHECKPOINT_EVERY_TRANSACTIONS)
                .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(1))
                // The ancestry index gives each model a relationship per ancestor; grouping a node's
                // relationships by type early keeps walks over DERIVED_FROM from reading past them.
                .setConfig(GraphDatabaseSettings.dense_node_threshold, 10)
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                // Bolt's Netty loops otherwise idle through a long graceful-shutdown window, which
                // made every stop (SIGTERM, a test JVM's end) take over ten seconds.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));
        if (pageCacheMegabytes > 0) {
            builder.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMegabytes));
        }
        DatabaseManagementService service;
        try {
            service = builder.build();
        } catch (RuntimeException e) {
            throw new GraphException("Could not start embedded Neo4j in " + home + " with Bolt on " + bolt.address() + ":"
                    + boltPort + ": " + rootMessage(e), e);
        }
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        if (bolt.authenticated()) {
            // In-process queries need no login; Bolt clients log in as neo4j with the configured password.
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    java.util.Map.of("password", bolt.password()));
        }
        HostnamePort address = ((GraphDatabaseAPI) system).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        if (address == null) {
            service.shutdown();
            throw new GraphException("Embedded Neo4j started without a Bolt connector in " + home);
        }
        URI uri = URI.create("bolt://" + bolt.dialAddress() + ":" + address.getPort());
        log.info("Embedded Neo4j started in {} ms: store {}, Bolt {}",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), home, uri);
        return new EmbeddedNeo4j(service, uri, home);
    }

    public URI boltUri() {
        return boltUri;
    }

    /**
     * @param name a database of this server, or null for the default one ("neo4j")
     */
    public GraphDatabaseService database(String name) {
        String database = name == null || name.isBlank() ? GraphDatabaseSettings.DEFAULT_DATABASE_NAME : name;
        try {
            return service.database(database);
        } catch (DatabaseNotFoundException e) {
            throw new GraphException("No database '" + database + "' in embedded Neo4j " + dataDir, e);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        log.info("Stopping embedded Neo4j ({})", dataDir);
        service.shutdown();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
