package org.llmtracker.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** llm-tracker: a living graph of LLM projects, their lineage and their activity. */
// The admin is a bearer token (api/web), not a user: no generated user and password.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class LlmTrackerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LlmTrackerApplication.class, args);
    }
}
