package org.llmtracker.api.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The graph store ({@code tracker.neo4j.*}).
 *
 * @param mode         {@code embedded}: a Neo4j inside this process; {@code external}: the server at
 *                     {@code spring.neo4j.uri}
 * @param dataDir      the embedded store folder
 * @param boltPort     the embedded Bolt port; 0 picks a free one
 * @param pageCacheMb  the embedded page cache; 0 leaves Neo4j's default (half of free memory, capped)
 * @param database     the database to use; empty for the server's default
 * @param boltAddress  the interface embedded Bolt listens on; anything but loopback needs {@code boltPassword}
 * @param boltPassword password of user {@code neo4j} for embedded Bolt; empty: no authentication (loopback only)
 */
@Validated
@ConfigurationProperties("tracker.neo4j")
public record Neo4jProperties(
        @DefaultValue("embedded") @NotNull Mode mode,
        @DefaultValue("./data/neo4j") @NotNull Path dataDir,
        @DefaultValue("7687") @Min(0) @Max(65535) int boltPort,
        @DefaultValue("256") @Min(0) long pageCacheMb,
        @DefaultValue("") String database,
        @DefaultValue("127.0.0.1") String boltAddress,
        @DefaultValue("") String boltPassword) {

    /** Never the password: this record can end up in logs and failure reports. */
    @Override
    public String toString() {
        return "Neo4j[mode=" + mode + ", dataDir=" + dataDir + ", bolt=" + boltAddress + ":" + boltPort
                + (boltPassword.isBlank() ? "" : " (password set)") + ", database=" + database + "]";
    }

    public enum Mode { EMBEDDED, EXTERNAL }
}
