package org.llmtracker.api.external;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * A stand-alone Neo4j server for tests: its own JVM, Bolt on a loopback port, authentication
 * on. Run by {@link Neo4jServerProcess}; prints {@link #READY} once the user can log in and
 * shuts down cleanly on SIGTERM.
 *
 * <p>Arguments: {@code <store folder> <bolt port> <user> <password>}.
 */
public final class Neo4jServerMain {

    static final String READY = "neo4j-server-ready";

    private Neo4jServerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: Neo4jServerMain <store folder> <bolt port> <user> <password>");
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(32))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                // As in EmbeddedNeo4j: without these a stop idles for seconds in Netty's quiet period.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "neo4j-shutdown"));
        // Embedded transactions run with full rights, so the system database takes user
        // administration directly; on a restart the user is already there.
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "CREATE USER $user IF NOT EXISTS SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("user", args[2], "password", args[3]));
        } catch (RuntimeException e) {
            // Neo4j's own threads would keep a half-started server alive; the caller must see it die.
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println(READY);
        System.out.flush();
        exitWhenTheParentGoes();
    }

    // The test JVM holds this process's stdin; if it dies without stopping us, the pipe closes
    // and the server stops instead of outliving the build.
    private static void exitWhenTheParentGoes() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing is ever sent; only the end of the stream matters
                }
            } catch (java.io.IOException e) {
                // a broken pipe means the same as its end
            }
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
