package org.llmtracker.api.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.llmtracker.api.i18n.Languages;
import org.llmtracker.api.i18n.Texts;
import org.llmtracker.crawler.http.UpstreamException;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.crawler.webhook.WebhookDelivery;
import org.llmtracker.graph.digest.Digest;
import org.llmtracker.graph.digest.DigestQueries;
import org.llmtracker.graph.digest.DigestStore;
import org.llmtracker.graph.digest.IsoWeek;

import tools.jackson.databind.json.JsonMapper;

/** Builds, stores, reads back and delivers weekly digests. */
public final class DigestService {

    /**
     * How long one reading of a week's whole lists serves the section pages. At Hub scale a week holds
     * tens of thousands of new models and reading it takes seconds: a burst of readers waits for one
     * reading instead of each starting its own, and a list is at most this much behind the store.
     */
    static final Duration LISTS_FRESH_FOR = Duration.ofMinutes(10);
    private static final int WEEKS_KEPT = 4;

    private final DigestQueries queries;
    private final DigestStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final WebhookDelivery webhook;
    private final Path outputDir;
    private final Texts delivered;
    private final String publicBaseUrl;
    private final Map<IsoWeek, Read> read = new ConcurrentHashMap<>();

    private record Read(Instant at, DigestQueries.Lists lists) {
    }

    /**
     * @param webhook       null sends nothing; @param outputDir null writes no files
     * @param delivered     the language of what is sent and written ({@code tracker.digest.locale})
     * @param publicBaseUrl where readers reach the app, without a trailing slash: links in what is sent
     */
    DigestService(DigestQueries queries, DigestStore store, JsonMapper json, Clock clock, WebhookDelivery webhook,
            Path outputDir, Texts delivered, String publicBaseUrl) {
        this.queries = queries;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.webhook = webhook;
        this.outputDir = outputDir;
        this.delivered = delivered;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The language delivered digests are written in. */
    public Texts delivered() {
        return delivered;
    }

    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    /**
     * Every section of the week in full, as the store held it at most {@link #LISTS_FRESH_FOR} ago:
     * what the paged routes page through.
     */
    public DigestQueries.Lists lists(IsoWeek week) {
        Instant now = clock.instant();
        Read lists = read.compute(week, (w, last) -> last != null && now.isBefore(last.at().plus(LISTS_FRESH_FOR))
                ? last : new Read(now, queries.lists(w)));
        while (read.size() > WEEKS_KEPT) {
            read.entrySet().stream().min(Comparator.comparing(e -> e.getValue().at()))
                    .ifPresent(oldest -> read.remove(oldest.getKey(), oldest.getValue()));
        }
        return lists.lists();
    }

    /** Builds the week's digest from the graph as it is now and stores it, replacing an earlier one. */
    public Digest build(IsoWeek week) {
        Digest digest = queries.build(week, clock.instant());
        store.save(digest.week(), digest.from(), digest.to(), digest.builtAt(), json.writeValueAsString(digest));
        return digest;
    }

    public Optional<StoredJson> find(IsoWeek week) {
        return store.find(week.toString()).map(this::stored);
    }

    public Optional<StoredJson> latest() {
        return store.recent(1).stream().findFirst().map(this::stored);
    }

    // A digest stored before sections were bounded (an unbounded list where a section now is)
    // cannot be read as one: that week is built again, from the store as it is now.
    private StoredJson stored(DigestStore.StoredDigest s) {
        try {
            return new StoredJson(s.json(), read(s.json()));
        } catch (tools.jackson.core.JacksonException e) {
            Digest rebuilt = build(IsoWeek.parse(s.week()).orElseThrow());
            return new StoredJson(json.writeValueAsString(rebuilt), rebuilt);
        }
    }

    /** Every stored week, newest first, with the week in progress. */
    public List<DigestStore.Week> weeks(int limit) {
        return store.weeks(limit);
    }

    public List<Digest> recent(int limit) {
        return store.recent(limit).stream().map(s -> stored(s).digest()).toList();
    }

    /**
     * Sends the digest to the webhook (Slack's shape, {@code {"text": "<markdown>"}}, at most
     * 40,000 characters, led by a link to the whole digest) and the output folder, as configured,
     * in {@code tracker.digest.locale}; a failure is the item's, not the run's.
     */
    void deliver(Digest digest, CrawlRecorder recorder) {
        DigestOutline outline = DigestOutline.of(digest, delivered, publicBaseUrl);
        if (webhook != null) {
            try {
                long attempts = webhook.deliver(json.writeValueAsBytes(Map.of("text", webhookText(digest, outline))));
                recorder.add("webhookAttempts", attempts);
                recorder.count("delivered");
            } catch (IOException e) {
                recorder.itemFailed("webhook " + webhook.redactedUrl(), UpstreamException.describe(e));
            }
        }
        if (outputDir != null) {
            write(outputDir.resolve(digest.week() + ".md"), MarkdownDigest.render(outline), recorder);
            write(outputDir.resolve(digest.week() + ".html"), HtmlDigest.page(outline, Languages.tag(delivered.locale())), recorder);
        }
    }

    /** What the webhook posts: the Markdown, led by the link to the whole digest on the site. */
    String webhookText(Digest digest, DigestOutline outline) {
        String page = publicBaseUrl + "/digests/" + digest.week();
        return MarkdownDigest.render(outline, delivered.get("digest.fullDigest", MarkdownDigest.link(page, page)));
    }

    private static void write(Path file, String text, CrawlRecorder recorder) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            recorder.count("filesWritten");
        } catch (IOException e) {
            recorder.itemFailed("output " + file, e.toString());
        }
    }

    private Digest read(String text) {
        return json.readValue(text, Digest.class);
    }

    /** A stored digest: the JSON exactly as stored, and the same parsed. */
    public record StoredJson(String json, Digest digest) {
    }
}
