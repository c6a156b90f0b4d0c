package org.llmtracker.crawler.sweep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.llmtracker.crawler.http.HttpSettings;
import org.llmtracker.crawler.http.RateWindow;
import org.llmtracker.crawler.http.Sleeper;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.huggingface.HubListing;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.crawler.sweep.testing.HubShape;
import org.llmtracker.crawler.sweep.testing.ListedModel;
import org.llmtracker.crawler.sweep.testing.Listing;
import org.llmtracker.crawler.sweep.testing.ListingServer;
import org.llmtracker.crawler.testing.TestHttp;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.hub.SweepStates;
import org.llmtracker.graph.testing.SteppingClock;

/**
 * A sweep against a listing stand-in, as the application wires it: the Hub's one rate window
 * (kept across runs, like the application's bean) and, per run, a fresh job with its share of it
 * (as after a restart). Time moves only when the sweep waits (the waits are recorded, nothing
 * sleeps) or when a test moves it.
 */
final class SweepRig implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-02T06:00:00Z");

    final Graph graph;
    final SteppingClock clock = new SteppingClock(START, Duration.ZERO);
    final List<Duration> waits = new ArrayList<>();
    final ListingServer server;
    private final RateWindow window;
    private int pageSize = ListingServer.MAX_PAGE;
    private int share;
    private Duration maxWait = Duration.ofMinutes(10);
    private long maxModels = 1_000_000;
    /** Off unless a test asks: most tests look at the index page by page. */
    private long firstFillBelow;
    private Sleeper sleeper = d -> {
        waits.add(d);
        clock.advance(d);
    };

    /** @param quota the stand-in Hub's requests per 5-minute window */
    SweepRig(Graph graph, Listing listing, int quota) {
        this.graph = graph;
        this.server = ListingServer.start(listing, clock, quota, Duration.ofMinutes(5));
        this.window = new RateWindow("the Hub", clock, Duration.ofMinutes(5), Duration.ofMinutes(15));
    }

    SweepRig pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    SweepRig share(int maxRequestsPerWindow) {
        this.share = maxRequestsPerWindow;
        return this;
    }

    SweepRig maxModels(long max) {
        this.maxModels = max;
        return this;
    }

    /** A full pass into a store of fewer models than this is a first fill. */
    SweepRig firstFillBelow(long models) {
        this.firstFillBelow = models;
        return this;
    }

    SweepRig maxWait(Duration wait) {
        this.maxWait = wait;
        return this;
    }

    SweepRig sleeper(Sleeper other) {
        this.sleeper = other;
        return this;
    }

    HubSweep sweep() {
        // A page of 1,000 takes a busy machine longer to build than TestHttp's 700 ms of silence allow.
        HttpSettings http = TestHttp.settings("the Hub", "").withMaxRateLimitWait(maxWait)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));
        Upstream upstream = Upstream.builder(http, sleeper, clock).share(window.share(share)).build();
        SweepStates states = new SweepStates(graph, HubSweep.NAME);
        return new HubSweep(new SweepSettings(pageSize, Duration.ofHours(1), Duration.ofDays(7), maxModels, 10, 64,
                firstFillBelow), upstream,
                new HubListing(server.uri(), pageSize, upstream), new HubListingStore(graph, states), states, clock);
    }

    CrawlRecorder run(String... options) {
        CrawlRecorder recorder = new CrawlRecorder();
        sweep().run(recorder, Set.of(options));
        return recorder;
    }

    /** Every stored derivation, as {@code child -> parent RELATION}. */
    Set<String> links() {
        List<String> links = graph.read(tx -> tx.run("""
                MATCH (c:Model)-[d:DERIVED_FROM]->(p:Model)
                RETURN c.id + ' -> ' + p.id + ' ' + d.relation AS link""").list(r -> r.get("link").asString()));
        return new TreeSet<>(links);
    }

    /** Model id -> what the listing put there that a test can compare: Hub status, downloads, listed-at. */
    Map<String, List<Object>> models() {
        return graph.read(tx -> {
            Map<String, List<Object>> models = new java.util.TreeMap<>();
            tx.run("""
                    MATCH (m:Model)
                    RETURN m.id AS id, m.hfStatus AS status, m.downloads AS downloads, m.hfLastModified AS changed,
                           m.hfListedAt AS listed, m.catalogued AS catalogued""").forEachRemaining(r -> {
                List<Object> facts = new ArrayList<>();
                facts.add(r.get("status").isNull() ? null : r.get("status").asString());
                facts.add(r.get("downloads").isNull() ? null : r.get("downloads").asLong());
                facts.add(r.get("changed").isNull() ? null : r.get("changed").asZonedDateTime().toInstant());
                facts.add(r.get("listed").isNull() ? null : r.get("listed").asZonedDateTime().toInstant());
                facts.add(r.get("catalogued").isNull() ? null : r.get("catalogued").asBoolean());
                models.put(r.get("id").asString(), facts);
            });
            return models;
        });
    }

    /** The links these listed models' tags declare, as {@link #links()} spells them (the Hub's rules, read afresh). */
    static Set<String> expectedLinks(List<ListedModel> listed) {
        Set<String> links = new TreeSet<>();
        for (ListedModel m : listed) {
            Map<String, String> parents = new java.util.LinkedHashMap<>();
            for (String tag : m.tags()) {
                if (!tag.startsWith("base_model:")) {
                    continue;
                }
                String[] parts = tag.substring("base_model:".length()).split(":");
                String parent = parts[parts.length - 1].toLowerCase(java.util.Locale.ROOT);
                String relation = parts.length == 2 ? parts[0].toUpperCase(java.util.Locale.ROOT) : null;
                if (relation != null || !parents.containsKey(parent)) {
                    parents.put(parent, relation);
                }
            }
            String child = m.id().toLowerCase(java.util.Locale.ROOT);
            parents.forEach((parent, relation) -> {
                if (!parent.equals(child)) {
                    links.add(child + " -> " + parent + " "
                            + (relation != null ? relation : parents.size() > 1 ? "MERGE" : "UNKNOWN"));
                }
            });
        }
        return links;
    }

    /** Ids of the parents a listing names but never lists: the stubs. */
    static Set<String> ghosts(Set<String> links) {
        Set<String> ghosts = new HashSet<>();
        links.forEach(l -> {
            String parent = l.substring(l.indexOf(" -> ") + 4, l.lastIndexOf(' '));
            if (HubShape.unlisted(parent)) {
                ghosts.add(parent);
            }
        });
        return ghosts;
    }

    @Override
    public void close() {
        server.close();
    }
}
