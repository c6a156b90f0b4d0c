package org.llmtracker.api.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.mock.env.MockEnvironment;

/**
 * The application as an operator runs it: {@code java -jar target/llm-tracker.jar} in its own
 * JVM (built by {@code package}, before Failsafe runs), on a free port, its output in a log file.
 * A real process, so a test can kill it with {@code kill -9} ({@link #kill()}). Processes still
 * alive when the test JVM exits are killed with it.
 */
public final class AppProcess implements AutoCloseable {

    /** Where {@code package} puts the runnable jar, from the api module's folder (Failsafe's working directory). */
    public static final Path JAR = Path.of("target", "llm-tracker.jar");

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private AppProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the jar with {@code --server.port} and {@code args} (command-line arguments win over
     * application.yaml, as an operator's do); returns at once, see {@link #awaitUp}.
     */
    public static AppProcess start(String name, Path logDir, List<String> args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run through `mvn verify`, which packages it first");
        }
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(args);
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-" + name));
            return new AppProcess(name, port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " from " + JAR.toAbsolutePath(), e);
        }
    }

    /** Waits until {@code /actuator/health} says UP; fails with the log when the process exits first. */
    public AppProcess awaitUp(Duration atMost) {
        Http http = http();
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(UncheckedIOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + log());
                    }
                    return http.get("/actuator/health").body().contains("\"UP\"");
                });
        return this;
    }

    /** Real HTTP against this process. */
    public Http http() {
        return new Http(new MockEnvironment().withProperty("local.server.port", Integer.toString(port)));
    }

    public String name() {
        return name;
    }

    public Process process() {
        return process;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kill -9}: nothing in the process runs after it, no shutdown hook, no last write. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then {@code kill -9} if it is still there after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
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
