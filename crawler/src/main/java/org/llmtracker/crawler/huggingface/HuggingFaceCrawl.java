package org.llmtracker.crawler.huggingface;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.llmtracker.crawler.http.RateLimitedException;
import org.llmtracker.crawler.http.RequestMeter;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.http.UpstreamDownException;
import org.llmtracker.crawler.http.UpstreamException;
import org.llmtracker.crawler.run.Job;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.graph.lineage.CardVersions;
import org.llmtracker.graph.lineage.CardVersions.CardVersion;
import org.llmtracker.graph.lineage.HubGraph;
import org.llmtracker.graph.lineage.HubModel;
import org.llmtracker.graph.lineage.LineageWriter;
import org.llmtracker.graph.lineage.Rename;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code huggingface} job: for every Hub id of every catalogued model, the model's own
 * figures and lineage, then breadth-first discovery of the models derived from it. Each family
 * is written when its walk ends, so a failure in one loses nothing of the others; a rate limit
 * longer than the run will wait ends the run PARTIAL, and the next run starts over (writes are
 * idempotent, so a re-run only adds what is new). An unreachable Hub ends the run at once.
 */
public final class HuggingFaceCrawl implements Job {

    private static final Logger log = LoggerFactory.getLogger(HuggingFaceCrawl.class);

    private final HubSettings settings;
    private final LineageWriter lineage;
    private final HubGraph hub;
    private final CardVersions versions;
    private final Clock clock;
    private final Upstream http;
    private final LineageParser parser = new LineageParser();

    /**
     * @param http     the Hub behind the HTTP policy, holding this job's share of the Hub's rate window
     * @param versions where the cards' {@code new_version} links go
     */
    public HuggingFaceCrawl(HubSettings settings, Upstream http, LineageWriter lineage, HubGraph hub, CardVersions versions,
            Clock clock) {
        this.settings = settings;
        this.http = http;
        this.lineage = lineage;
        this.hub = hub;
        this.versions = versions;
        this.clock = clock;
    }

    @Override
    public String job() {
        return "huggingface";
    }

    @Override
    public void run(CrawlRecorder recorder) {
        Instant started = clock.instant();
        HubClient client = new HubClient(settings, http);
        RequestMeter.Reading before = http.meter().read();
        try {
            if (crawlAll(client, recorder)) {
                recorder.add("unlisted", hub.markUnlistedSince(started, clock.instant()));
            }
        } finally {
            recorder.addRequests(http.meter().read().minus(before).requests());
        }
    }

    /** @return false when the Hub is down: then no listing was complete, and nothing may count as unlisted */
    private boolean crawlAll(HubClient client, CrawlRecorder recorder) {
        for (Map.Entry<String, List<String>> root : hub.cataloguedHubIds().entrySet()) {
            for (String hfId : root.getValue()) {
                try {
                    crawl(client, hfId, recorder);
                    recorder.itemDone();
                } catch (RateLimitedException e) {
                    recorder.stopEarly(e.getMessage());
                    return true;
                } catch (UpstreamDownException e) {
                    recorder.abort(e.getMessage());
                    return false;
                } catch (IOException e) {
                    recorder.itemFailed(hfId, UpstreamException.describe(e));
                }
            }
        }
        return true;
    }

    private void crawl(HubClient client, String hfId, CrawlRecorder recorder) throws IOException {
        ModelAnswer answer = client.model(hfId);
        Instant now = clock.instant();
        if (answer instanceof ModelAnswer.Gated) {
            hub.markStatus(List.of(hfId), HubGraph.GATED, false, now);
            recorder.count("gated");
            return;
        }
        if (answer instanceof ModelAnswer.Gone) {
            hub.markStatus(List.of(hfId), HubGraph.GONE, false, now);
            recorder.count("gone");
            return;
        }
        ModelAnswer.Found found = (ModelAnswer.Found) answer;
        recorder.count("fetched");
        Family family = new Family(found.entry());
        found.formerIds().forEach(old -> family.renamed(new Rename(old, found.entry().id())));
        family.claims(parser.parse(found.entry()));
        new FamilyWalk(client, settings, parser, recorder).walk(family);
        store(family, recorder);
    }

    private void store(Family family, CrawlRecorder recorder) {
        Instant now = clock.instant();
        List<HubModel> models = family.models().stream().map(HubEntry::toModel).toList();
        List<String> below = family.below().stream().map(HubEntry::id).toList();
        int known = hub.known(below);
        hub.recordRenames(family.renames(), now);
        lineage.upsertModels(models, now);
        hub.recordRenames(family.renames(), now);
        lineage.upsertDerivations(family.derivations(), now);
        // Every member's card was read (the root's answer, the listings' cardData): each says its newer version, or none.
        versions.write(family.models().stream().map(e -> new CardVersion(e.id(), e.cardNewVersion())).toList(), now);
        hub.markStatus(List.of(family.root().id()), HubGraph.OK, false, now);
        List<String> gated = new ArrayList<>();
        List<String> open = new ArrayList<>();
        family.below().forEach(e -> (Boolean.TRUE.equals(e.gated()) ? gated : open).add(e.id()));
        hub.markStatus(open, HubGraph.OK, true, now);
        hub.markStatus(gated, HubGraph.GATED, true, now);
        hub.markChildrenListed(family.listedCompletely(), now);
        recorder.add("snapshots", hub.snapshot(models, now));
        recorder.add("listed", below.size());
        recorder.add("discovered", below.size() - known);
        recorder.add("gated", gated.size());
        family.rejected().forEach(message -> recorder.itemFailed(family.root().id(), message));
        if (family.truncated()) {
            recorder.count("familiesTruncated");
            log.info("Family of {} cut at {} models (tracker.huggingface.discovery.max-per-family)",
                    family.root().id(), settings.maxPerFamily());
        }
    }
}
