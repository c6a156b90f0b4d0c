package org.llmtracker.api.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
        @Valid @NotNull @DefaultValue Pages pages,
        @Valid @NotNull @DefaultValue Huggingface huggingface,
        @Valid @NotNull @DefaultValue Inference inference,
        @Valid @NotNull @DefaultValue Admin admin,
        @Valid @NotNull @DefaultValue Schedule schedule,
        @Valid @NotNull @DefaultValue Clock clock,
        @Valid @NotNull @DefaultValue Digest digest,
        @Valid @NotNull @DefaultValue Api api,
        @Valid @NotNull @DefaultValue Runs runs) {

    /**
     * @param mode           {@code embedded}: a Neo4j inside this process; {@code external}: the server at
     *                       {@code spring.neo4j.uri}
     * @param dataDir        the embedded store folder
     * @param boltPort       the embedded Bolt port; 0 picks a free one
     * @param boltAddress    the interface embedded Bolt listens on; anything but loopback needs {@code boltPassword}
     * @param boltPassword   password of user {@code neo4j} for embedded Bolt; empty: no authentication (loopback only)
     * @param pageCacheMb    the embedded page cache; 0 leaves Neo4j's default (half of free memory, capped)
     * @param database       the database to use; empty for the server's default
     */
    public record Neo4j(
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

    /**
     * @param location    the catalogue YAML; empty uses the one shipped in the jar
     * @param loadAtStart false leaves the store as it is at start (an empty store to restore an export into)
     */
    public record Catalog(@DefaultValue("") String location, @DefaultValue("true") boolean loadAtStart) {
    }

    /**
     * Runs cut short by a dead process. An embedded store is locked to one process, so at start
     * every run still RUNNING is abandoned. On a shared server each instance marks its runs alive
     * every {@code heartbeatInterval}; any instance closes a RUNNING run whose last heartbeat is
     * older than {@code abandonedAfter} (at start and then at every heartbeat).
     *
     * @param heartbeatInterval how often this instance marks its runs alive
     * @param abandonedAfter    a run silent this long belongs to no live instance; keep it several
     *                          intervals, plus the clock difference between machines
     */
    public record Runs(
            @DefaultValue("30s") @NotNull Duration heartbeatInterval,
            @DefaultValue("2m") @NotNull Duration abandonedAfter) {
    }

    /**
     * The HTTP API's own limits and address.
     *
     * @param maxBodyKb        largest request body (a catalogue entry is a few hundred bytes)
     * @param maxTableImportKb largest document {@code POST /api/catalog/import} converts
     * @param publicBaseUrl    the address users reach the app at, for links the app writes (the Atom
     *                         feed); never taken from a request's Host header
     */
    public record Api(
            @DefaultValue("1024") @Min(1) int maxBodyKb,
            @DefaultValue("2048") @Min(1) int maxTableImportKb,
            @DefaultValue("http://localhost:8080") @NotNull URI publicBaseUrl) {
    }

    /**
     * GitHub ({@code github} job). Every request goes through the crawler's HTTP policy.
     *
     * @param cacheDir          the HTTP cache that makes unchanged repositories cost a 304 and no quota
     * @param cacheMaxMb        its size bound
     * @param connectTimeout    per connection attempt
     * @param readTimeout       the longest silence while reading an answer
     * @param deadline          the longest one attempt may take, body included
     * @param maxAttempts       attempts per request on 5xx answers, timeouts and broken connections
     * @param retryBaseDelay    first back-off, doubled per attempt, with jitter
     * @param maxWait           the longest rate-limit wait; a longer one ends the run PARTIAL
     * @param maxBodyMb         the largest answer read; a larger one fails its repository
     * @param failuresBeforeDown requests failing for good one after another before GitHub counts as down and the
     *                          run ends (an unreachable GitHub ends it after the first)
     * @param maxReleasePages   pages of 100 releases read per repository, newest first
     * @param detailsMaxAge     releases and README are re-read after a push, or after this long
     */
    public record Github(
            @DefaultValue("https://api.github.com") @NotNull URI apiUrl,
            @DefaultValue("") String token,
            @DefaultValue("./data/github-cache") @NotNull Path cacheDir,
            @DefaultValue("50") @Min(1) long cacheMaxMb,
            @DefaultValue("10s") @NotNull Duration connectTimeout,
            @DefaultValue("30s") @NotNull Duration readTimeout,
            @DefaultValue("60s") @NotNull Duration deadline,
            @DefaultValue("4") @Min(1) @Max(10) int maxAttempts,
            @DefaultValue("1s") @NotNull Duration retryBaseDelay,
            @DefaultValue("60s") @NotNull Duration maxWait,
            @DefaultValue("10") @Min(1) int maxBodyMb,
            @DefaultValue("3") @Min(1) int failuresBeforeDown,
            @DefaultValue("3") @Min(1) int maxReleasePages,
            @DefaultValue("7d") @NotNull Duration detailsMaxAge) {
    }

    /**
     * Reference pages ({@code pages} job).
     *
     * @param timeout      connect timeout, and the longest silence while reading a page
     * @param deadline     the longest one attempt may take, body included
     * @param maxAttempts  attempts per page on 5xx answers, timeouts and broken connections
     * @param retryBaseDelay first back-off, doubled per attempt, with jitter
     * @param maxBodyKb    bytes of a page read at most (a longer page is read this far: the title is at its top)
     * @param allowedHosts {@code host:port} entries fetched although they resolve to loopback or private
     *                     addresses (tests, intranets); a bare host is refused at start
     * @param refreshAfter a page fetched more recently is skipped
     */
    public record Pages(
            @DefaultValue("10s") @NotNull Duration timeout,
            @DefaultValue("30s") @NotNull Duration deadline,
            @DefaultValue("2") @Min(1) @Max(10) int maxAttempts,
            @DefaultValue("1s") @NotNull Duration retryBaseDelay,
            @DefaultValue("512") @Min(1) int maxBodyKb,
            @DefaultValue("3") @Min(0) @Max(10) int maxRedirects,
            @DefaultValue("") List<String> allowedHosts,
            @DefaultValue("30d") @NotNull Duration refreshAfter,
            @DefaultValue("llm-tracker (+https://github.com/llm-tracker)") String userAgent) {
    }

    /**
     * The Hub ({@code huggingface} job; the jobs to come share its rate window).
     *
     * @param connectTimeout       per connection attempt
     * @param readTimeout          the longest silence while reading an answer
     * @param deadline             the longest one attempt may take, body included
     * @param maxAttempts          attempts per request on 5xx answers, timeouts and broken connections
     * @param retryBaseDelay       first back-off, doubled per attempt, with jitter
     * @param maxWait              the longest rate-limit wait; a longer one ends the run PARTIAL
     * @param maxBodyMb            the largest answer read; a larger one fails its item
     * @param failuresBeforeDown    requests failing for good one after another before the Hub counts as down
     * @param pageSize             models per list page (the Hub accepts up to 1000)
     * @param rateWindow           the Hub's rate-limit window until its {@code RateLimit-Policy} says otherwise
     * @param maxRequestsPerWindow the most requests the {@code huggingface} job makes in one window, leaving
     *                             the rest to other jobs; 0 is bound by the Hub's own limit only
     */
    public record Huggingface(
            @DefaultValue("https://huggingface.co") @NotNull URI apiUrl,
            @DefaultValue("") String token,
            @Valid @NotNull @DefaultValue Discovery discovery,
            @DefaultValue("10s") @NotNull Duration connectTimeout,
            @DefaultValue("30s") @NotNull Duration readTimeout,
            @DefaultValue("60s") @NotNull Duration deadline,
            @DefaultValue("4") @Min(1) @Max(10) int maxAttempts,
            @DefaultValue("1s") @NotNull Duration retryBaseDelay,
            @DefaultValue("5m") @NotNull Duration maxWait,
            @DefaultValue("20") @Min(1) int maxBodyMb,
            @DefaultValue("3") @Min(1) int failuresBeforeDown,
            @DefaultValue("100") @Min(1) @Max(1000) int pageSize,
            @DefaultValue("5m") @NotNull Duration rateWindow,
            @DefaultValue("0") @Min(0) int maxRequestsPerWindow,
            @Valid @NotNull @DefaultValue Sweep sweep) {

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

        /**
         * The {@code hub-sweep} job: the Hub's whole listing.
         *
         * @param pageSize             models per listing page (the Hub serves at most 1,000)
         * @param overlap              an incremental pass reads this far past the last pass's watermark
         * @param fullPassEvery        a scheduled run makes a full pass (and marks unlisted models) when the
         *                             last complete one is this old
         * @param maxRequestsPerWindow the sweep's share of the Hub's rate window (of 500 anonymous, 1,000 with
         *                             a free token per 5 minutes): the rest is left to the {@code huggingface} job
         * @param maxWait              the longest wait for the Hub's window the sweep honours; longer ends the
         *                             run PARTIAL and the next run resumes. Above the window's length, so a pass
         *                             waits out its share's windows instead of stopping at each
         */
        public record Sweep(
                @DefaultValue("1000") @Min(1) @Max(1000) int pageSize,
                @DefaultValue("1h") @NotNull Duration overlap,
                @DefaultValue("7d") @NotNull Duration fullPassEvery,
                @DefaultValue("300") @Min(1) int maxRequestsPerWindow,
                @DefaultValue("10m") @NotNull Duration maxWait) {
        }
    }

    /**
     * Parents inferred for Hub models that declare none ({@code infer} job).
     *
     * @param minConfidence the least confidence a stored inferred link needs; raising it removes links below it
     * @param fineTunes     whether FINETUNE links are inferred at all (quantized and converted repos always are)
     * @param maxRequests   Hub requests (model facts, searches, cards) one run may make
     */
    public record Inference(
            @DefaultValue("0.8") @jakarta.validation.constraints.DecimalMin(value = "0", inclusive = false)
            @jakarta.validation.constraints.DecimalMax("1") double minConfidence,
            @DefaultValue("true") boolean fineTunes,
            @DefaultValue("1000") @Min(0) int maxRequests) {
    }

    /** @param token bearer token for writes; empty refuses every write */
    public record Admin(@DefaultValue("") String token) {
    }

    /**
     * @param enabled false runs no job by itself: crawls then run only on request
     * @param crons   Quartz cron expressions (seconds first), evaluated in UTC, by job name
     */
    public record Schedule(@DefaultValue("true") boolean enabled, @Valid @NotNull @DefaultValue Crons crons) {

        /**
         * @param github      default every 6 hours, on the hour
         * @param huggingface default daily at 02:00
         * @param pages       default weekly, Sunday 03:00
         * @param digest      default Monday 08:00, when the week before is complete
         * @param infer       default daily at 04:00, after the Hub jobs
         * @param hubSweep    default daily at 03:00, after the {@code huggingface} job
         */
        public record Crons(
                @DefaultValue("0 0 */6 * * ?") @NotNull String github,
                @DefaultValue("0 0 2 * * ?") @NotNull String huggingface,
                @DefaultValue("0 0 3 ? * SUN") @NotNull String pages,
                @DefaultValue("0 0 8 ? * MON") @NotNull String digest,
                @DefaultValue("0 0 4 * * ?") @NotNull String infer,
                @DefaultValue("0 0 3 * * ?") @NotNull String hubSweep) {

            public java.util.Map<String, String> byJob() {
                return java.util.Map.of("github", github, "huggingface", huggingface, "pages", pages, "digest", digest,
                        "infer", infer, "hub-sweep", hubSweep);
            }
        }
    }

    /**
     * The weekly digest's delivery. Weeks are ISO weeks (Monday start) in UTC.
     *
     * @param webhookUrl      POSTs {@code {"text": "<markdown>"}} here (Slack-compatible); unset sends nothing
     * @param webhookSecret   when set, signs the body: {@code X-Tracker-Signature: sha256=<hex HMAC-SHA256>}
     * @param webhookAttempts tries per delivery; 5xx and network errors are retried, a 429 waits as asked
     * @param webhookBackoff  wait before the second try, doubled (with jitter) before each further one
     * @param webhookTimeout  the longest one delivery attempt may take
     * @param webhookMaxWait  the longest a 429's {@code Retry-After} is waited out
     * @param outputDir       when set, writes {@code <week>.md} and {@code <week>.html} here
     * @param feedSize        digests in the Atom feed
     * @param itemsPerSection the most items a list section of the digest shows; each says its total
     *                        and links to the whole list
     * @param locale          the language of delivered digests (webhook, output folder, feed):
     *                        {@code en} or {@code zh-CN}
     */
    public record Digest(
            URI webhookUrl,
            @DefaultValue("") String webhookSecret,
            @DefaultValue("3") @Min(1) @Max(10) int webhookAttempts,
            @DefaultValue("2s") @NotNull java.time.Duration webhookBackoff,
            @DefaultValue("30s") @NotNull java.time.Duration webhookTimeout,
            @DefaultValue("60s") @NotNull java.time.Duration webhookMaxWait,
            Path outputDir,
            @DefaultValue("12") @Min(1) @Max(200) int feedSize,
            @DefaultValue("10") @Min(1) @Max(100) int itemsPerSection,
            @DefaultValue("en") @NotNull @jakarta.validation.constraints.Pattern(regexp = "(?i)en|zh-CN",
                    message = "must be en or zh-CN") String locale) {
    }

    /** @param fixed run as if it were this instant (replays, demos, tests); unset uses the system clock */
    public record Clock(Instant fixed) {
    }
}
