package org.llmtracker.api.external;

import java.util.stream.Stream;

import org.llmtracker.api.LlmTrackerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * A calendar-versioned Neo4j ({@code neo4j:2025.10} unless the system property
 * {@code tracker.test.neo4j-calendar-image} names a newer one), configured the way a user
 * configures an external server: {@code spring.neo4j.*} properties.
 */
class Neo4jCalendarReleaseContainerIT extends Neo4jContainerChecks {

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer(
            System.getProperty("tracker.test.neo4j-calendar-image", "neo4j:2025.10"));

    @Override
    ConfigurableApplicationContext startApplication() {
        String[] arguments = Stream.concat(Stream.of(COMMON_ARGUMENTS), Stream.of(
                "--spring.neo4j.uri=" + NEO4J.getBoltUrl(),
                "--spring.neo4j.authentication.username=neo4j",
                "--spring.neo4j.authentication.password=" + NEO4J.getAdminPassword())).toArray(String[]::new);
        return new SpringApplicationBuilder(LlmTrackerApplication.class).run(arguments);
    }
}
