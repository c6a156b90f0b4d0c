package org.llmtracker.api.external;

import org.llmtracker.api.LlmTrackerApplication;
import org.llmtracker.api.TestcontainersConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Neo4j 5.26 LTS, connected the way {@code TestLlmTrackerApplication} connects: {@code @ServiceConnection}. */
class Neo4jLtsContainerIT extends Neo4jContainerChecks {

    @Override
    ConfigurableApplicationContext startApplication() {
        return SpringApplication.from(LlmTrackerApplication::main).with(TestcontainersConfiguration.class)
                .run(COMMON_ARGUMENTS).getApplicationContext();
    }
}
