package org.llmtracker.api.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private final DigestQueries queries;
    private final DigestStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final WebhookDelivery webhook;
    private final Path outputDir;

    /** @param webhook null sends nothing; @param outputDir null writes no files */
    DigestService(DigestQueries queries, DigestStore store, JsonMapper json, Clock clock, WebhookDelivery webhook,
            Path outputDir) {
        this.queries = queries;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.webhook = webhook;
        this.outputDir = outputDir;
    }

    /** Builds the week's digest from the graph as it is now and stores it, replacing an earlier one. */
    public Digest build(IsoWeek week) {
        Digest digest = queries.build(week, clock.instant());
        store.save(digest.week(), digest.from(), digest.to(), digest.builtAt(), json.writeValueAsString(digest));
        return digest;
    }

    public Optional<StoredJson> find(IsoWeek week) {
        return store.find(week.toString()).map(s -> new StoredJson(s.json(), read(s.json())));
    }

    public Optional<StoredJson> latest() {
        return store.recent(1).stream().findFirst().map(s -> new StoredJson(s.json(), read(s.json())));
    }

    public List<Digest> recent(int limit) {
        return store.recent(limit).stream().map(s -> read(s.json())).toList();
    }

    /**
     * Sends the digest to the webhook (Slack's shape, {@code {"text": "<markdown>"}}) and the
     * output folder, as configured; a failure is the item's, not the run's.
     */
    void deliver(Digest digest, CrawlRecorder recorder) {
        DigestOutline outline = DigestOutline.of(digest);
        if (webhook != null) {
            try {
                long attempts = webhook.deliver(json.writeValueAsBytes(Map.of("text", MarkdownDigest.render(outline))));
                recorder.add("webhookAttempts", attempts);
                recorder.count("delivered");
            } catch (IOException e) {
                recorder.itemFailed("webhook " + webhook.redactedUrl(), UpstreamException.describe(e));
            }
        }
        if (outputDir != null) {
            write(outputDir.resolve(digest.week() + ".md"), MarkdownDigest.render(outline), recorder);
            write(outputDir.resolve(digest.week() + ".html"), HtmlDigest.page(outline), recorder);
        }
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
