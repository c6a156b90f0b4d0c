package org.llmtracker.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class Neo4jConfigurationTests {

    @Test
    void theStartUpLogShowsTheStoreUriWithoutCredentials() {
        assertThat(Neo4jConfiguration.withoutUserInfo(URI.create("neo4j+s://tracker:s3cret@abcd1234.databases.neo4j.io")))
                .hasToString("neo4j+s://abcd1234.databases.neo4j.io");
        assertThat(Neo4jConfiguration.withoutUserInfo(URI.create("neo4j://10.0.0.5:7687")))
                .hasToString("neo4j://10.0.0.5:7687");
    }
}
