package org.llmtracker.api;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;

/**
 * Runs the application against a Neo4j in a Docker container, for local work: run this main
 * from an IDE, or (after {@code mvn install -DskipTests}) {@code mvn -pl api spring-boot:test-run
 * -Dspring-boot.run.main-class=org.llmtracker.api.TestLlmTrackerApplication} (the main class is
 * named because the test classes hold another). The container starts with the application and
 * stops with it.
 */
public class TestLlmTrackerApplication {

    public static void main(String[] args) {
        String[] external = Stream.concat(Stream.of("--tracker.neo4j.mode=external"), Arrays.stream(args))
                .toArray(String[]::new);
        SpringApplication.from(LlmTrackerApplication::main).with(TestcontainersConfiguration.class).run(external);
    }
}
