package org.llmtracker.api;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * A Neo4j server in a Docker container, wired to the application through
 * {@code @ServiceConnection}. It takes effect with {@code tracker.neo4j.mode=external} only:
 * embedded mode brings its own connection details for the in-process server.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestcontainersConfiguration {

    /** The image, {@code neo4j:5.26} unless the system property {@code tracker.test.neo4j-image} names another. */
    public static final String IMAGE = System.getProperty("tracker.test.neo4j-image", "neo4j:5.26");

    @Bean
    @ServiceConnection
    Neo4jContainer neo4jContainer() {
        return new Neo4jContainer(IMAGE);
    }
}
