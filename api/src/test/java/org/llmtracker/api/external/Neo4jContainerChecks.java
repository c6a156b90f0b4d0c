package org.llmtracker.api.external;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.llmtracker.api.testing.Http;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The lineage checks against the official {@code neo4j} image. Needs Docker: without it the
 * classes are reported as skipped. Each class starts its own application context, in
 * external mode, and closes it at the end.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Neo4jContainerChecks {

    static final String[] COMMON_ARGUMENTS = {
            "--server.port=0",
            "--tracker.neo4j.mode=external",
            "--tracker.schedule.enabled=false",
            "--tracker.clock.fixed=2026-11-23T08:00:00Z"};

    private ConfigurableApplicationContext app;
    private Http http;

    abstract ConfigurableApplicationContext startApplication();

    @BeforeAll
    void start() {
        app = startApplication();
        http = new Http(app.getEnvironment());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void runsOnTheContainerWithoutAnEmbeddedServer() {
        LineageChecks.noEmbeddedServer(app);
    }

    @Test
    void answersLineageQuestionsFromTheContainer() {
        LineageChecks.answersLineageQuestions(http);
    }
}
