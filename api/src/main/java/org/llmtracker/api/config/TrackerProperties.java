package org.llmtracker.api.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Every {@code tracker.*} setting, with its default. Environment variables override them in
 * the usual Spring way ({@code TRACKER_NEO4J_MODE=external}); the tokens also read
 * {@code GITHUB_TOKEN}, {@code HF_TOKEN} and {@code TRACKER_ADMIN_TOKEN} (see application.yaml).
 */
@Validated
@ConfigurationProperties("tracker")
public record TrackerProperties(
        @Valid @NotNull @DefaultValue Neo4j neo4j,
        @Valid @NotNull @DefaultValue Catalog catalog,
        @Valid @NotNull @DefaultValue Github github,
        @Valid @NotNull @DefaultValue Huggingface huggingface,
        @Valid @NotNull @DefaultValue Admin admin,
        @Valid @NotNull @DefaultValue Schedule schedule,
        @Valid @NotNull @DefaultValue Clock clock) {

    /**
     * @param mode           {@code embedded}: a Neo4j inside this process; {@code external}: the server at
     *                       {@code spring.neo4j.uri}
     * @param dataDir        the embedded store folder
     * @param boltPort       the embedded Bolt port on 127.0.0.1; 0 picks a free one
     * @param pageCacheMb    the embedded page cache; 0 leaves Neo4j's default (half of free memory, capped)
     * @param database       the database to use; empty for the server's default
     */
    public record Neo4j(
            @DefaultValue("embedded") @NotNull Mode mode,
            @DefaultValue("./data/neo4j") @NotNull Path dataDir,
            @DefaultValue("7687") @Min(0) @Max(65535) int boltPort,
            @DefaultValue("256") @Min(0) long pageCacheMb,
            @DefaultValue("") String database) {

        public enum Mode { EMBEDDED, EXTERNAL }
    }

    /** @param location the catalogue YAML; empty uses the one shipped in the jar */
    public record Catalog(@DefaultValue("") String location) {
    }

    public record Github(@DefaultValue("https://api.github.com") @NotNull URI apiUrl, @DefaultValue("") String token) {
    }

    public record Huggingface(
            @DefaultValue("https://huggingface.co") @NotNull URI apiUrl,
            @DefaultValue("") String token,
            @Valid @NotNull @DefaultValue Discovery discovery) {

        /**
         * @param maxDepth     generations of derivatives followed below each catalogued model
         * @param minDownloads derivatives with fewer downloads are neither stored nor followed
         * @param maxPerFamily at most this many models discovered below one catalogued model
         */
        public record Discovery(
                @DefaultValue("3") @Min(0) @Max(10) int maxDepth,
                @DefaultValue("100") @Min(0) long minDownloads,
                @DefaultValue("2000") @Min(1) int maxPerFamily) {
        }
    }

    /** @param token bearer token for writes; empty refuses every write */
    public record Admin(@DefaultValue("") String token) {
    }

    /** @param enabled false runs no job by itself: crawls then run only on request */
    public record Schedule(@DefaultValue("true") boolean enabled) {
    }

    /** @param fixed run as if it were this instant (replays, demos, tests); unset uses the system clock */
    public record Clock(Instant fixed) {
    }
}
