package org.llmtracker.graph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.llmtracker.graph.store.EmbeddedNeo4j;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.Schema;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Starts one embedded Neo4j per test JVM (kept in the root extension store, closed when the
 * JVM's tests end) and empties it before each test. Tests take a {@link Graph}, which runs
 * Cypher in-process like the application in embedded mode, a {@link Driver} connected over
 * Bolt, for tests of the driver path, or the {@link EmbeddedNeo4j} itself, for what only the
 * engine can tell (how many transactions a write took).
 */
public final class EmbeddedNeo4jExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedNeo4jExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context).graph.write(tx -> tx.run("MATCH (n) DETACH DELETE n").consume());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Graph.class || type == Driver.class || type == EmbeddedNeo4j.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Server server = server(context);
        Class<?> type = parameter.getParameter().getType();
        return type == Graph.class ? server.graph : type == EmbeddedNeo4j.class ? server.neo4j : server.driver;
    }

    private static Server server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class, k -> Server.start(), Server.class);
    }

    static final class Server implements AutoCloseable {
        final EmbeddedNeo4j neo4j;
        final Driver driver;
        final Graph graph;

        private Server(EmbeddedNeo4j neo4j, Driver driver) {
            this.neo4j = neo4j;
            this.driver = driver;
            this.graph = Graph.inProcess(neo4j, null);
        }

        static Server start() {
            try {
                Path dir = Files.createTempDirectory("llm-tracker-test-neo4j");
                EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir, 0, 128);
                Server server = new Server(neo4j, GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none()));
                Schema.apply(server.graph);
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            driver.close();
            neo4j.close();
        }
    }
}
