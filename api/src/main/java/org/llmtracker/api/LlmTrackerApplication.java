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

    /**
     * A start refused (a bolt password too short for a public Bolt address, a store that will not
     * open) exits the JVM with status 1: threads the failed start left behind (an embedded store's,
     * a scheduler's) would otherwise keep a dead process up, and a supervisor would never restart it.
     */
    public static void main(String[] args) {
        try {
            SpringApplication.run(LlmTrackerApplication.class, args);
        } catch (RuntimeException | Error e) {
            // Spring Boot has logged why; the context is closed.
            System.exit(1);
        }
    }
}
