package org.llmtracker.api.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.quartz.Scheduler;

/**
 * A fresh PostgreSQL database holding Quartz's tables, for the clustered-schedule tests. The
 * server is the machine's (see docs/deployment.md): {@code jdbc:postgresql://localhost:5432/} as
 * {@code postgres}/{@code postgres} unless {@code TRACKER_TEST_POSTGRES_URL}, {@code _USER} and
 * {@code _PASSWORD} say otherwise. Without one the calling test is skipped with the reason,
 * unless {@code CI} is set: in CI its absence is a failure.
 */
public record QuartzDatabase(String url, String user, String password) {

    private static final String SERVER = env("TRACKER_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/");
    private static final String USER = env("TRACKER_TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = env("TRACKER_TEST_POSTGRES_PASSWORD", "postgres");

    /** Drops {@code name} if it exists, creates it and Quartz's tables in it. */
    public static QuartzDatabase fresh(String name) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + SERVER + " as " + USER + ": " + e.getMessage();
            if (System.getenv("CI") != null) {
                fail(why + " (CI must provide it: .ci/run starts it)");
            }
            Assumptions.abort(why + "; set TRACKER_TEST_POSTGRES_URL/_USER/_PASSWORD to run this test");
        }
        QuartzDatabase database = new QuartzDatabase(SERVER + name, USER, PASSWORD);
        try (Connection connection = DriverManager.getConnection(database.url(), USER, PASSWORD);
                Statement sql = connection.createStatement()) {
            for (String statement : quartzTables()) {
                sql.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create Quartz's tables in " + database.url(), e);
        }
        return database;
    }

    /** The script Quartz ships for PostgreSQL, as statements. */
    private static List<String> quartzTables() {
        try (InputStream in = Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.trim().startsWith("--")).collect(Collectors.joining("\n"));
            return Arrays.stream(script.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                    .filter(s -> !s.equalsIgnoreCase("commit")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
