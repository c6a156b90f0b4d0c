package org.llmtracker.api.external;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j server in a separate JVM, started from this JVM's own classpath, so a test can stop
 * it under a running application and start it again on the same port and store. Also the one
 * server several application instances share ({@code TwoInstancesIT}).
 */
public final class Neo4jServerProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Neo4jServerProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path home;
    private final int port;
    private final String user;
    private final String password;
    private Process process;

    private Neo4jServerProcess(Path home, int port, String user, String password) {
        this.home = home;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** Starts a server on a free loopback port with a store under {@code home}. */
    public static Neo4jServerProcess start(Path home, String user, String password) {
        Neo4jServerProcess server = new Neo4jServerProcess(home.toAbsolutePath(), freePort(), user, password);
        server.start();
        return server;
    }

    /** The routing scheme, as a cluster or Aura would be addressed. */
    public URI routingUri() {
        return URI.create("neo4j://127.0.0.1:" + port);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Neo4j server already running on port " + port);
        }
        try {
            Files.createDirectories(home);
            Path serverLog = home.resolve("server.log");
            Files.deleteIfExists(serverLog);
            long started = System.nanoTime();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), Neo4jServerMain.class.getName(),
                    home.resolve("store").toString(), Integer.toString(port), user, password))
                    .redirectErrorStream(true)
                    .redirectOutput(serverLog.toFile())
                    .start();
            awaitReady(serverLog);
            log.info("Neo4j server process on 127.0.0.1:{} ready in {} ms", port,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Neo4j server process", e);
        }
    }

    /** Stops the server the way an operator's {@code systemctl stop} would: SIGTERM, then wait. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        long stopping = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        log.info("Neo4j server process on 127.0.0.1:{} stopped in {} ms", port,
                Duration.ofNanos(System.nanoTime() - stopping).toMillis());
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady(Path serverLog) throws IOException {
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
                String output = Files.exists(serverLog) ? Files.readString(serverLog) : "";
                if (!process.isAlive()) {
                    throw new IllegalStateException("Neo4j server process exited with " + process.exitValue() + ":\n" + output);
                }
                return output.contains(Neo4jServerMain.READY);
            });
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Neo4j server not ready after " + START_TIMEOUT + ":\n" + Files.readString(serverLog));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
