package org.llmtracker.crawler.huggingface;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.llmtracker.crawler.http.RateLimitedException;
import org.llmtracker.crawler.http.RequestMeter;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.http.UpstreamDownException;
import org.llmtracker.crawler.http.UpstreamException;
import org.llmtracker.crawler.run.Job;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.graph.hub.CardVersions.CardVersion;
import org.llmtracker.graph.hub.HubFamilies;
import org.llmtracker.graph.hub.HubStatus;
import org.llmtracker.graph.hub.HubFamily;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.hub.Rename;
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
    private final HubFamilies hub;
    private final Clock clock;
    private final Upstream http;
    private final LineageParser parser;

    /** @param http the Hub behind the HTTP policy, holding this job's share of the Hub's rate window */
    public HuggingFaceCrawl(HubSettings settings, Upstream http, HubFamilies hub, Clock clock) {
        this.settings = settings;
        this.parser = new LineageParser(settings.maxParents());
        this.http = http;
        this.hub = hub;
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
                recorder.add("unlisted", hub.markUnlistedSince(started, settings.minDownloads(), clock.instant()));
            }
        } finally {
            recorder.addRequests(http.meter().read().minus(before).requests());
        }
    }

    /** @return false when the Hub is down: then no listing was complete, and nothing may count as unlisted */
    private boolean crawlAll(HubClient client, CrawlRecorder recorder) {
        for (Map.Entry<String, List<String>> root : hub.cataloguedHubIds().entrySet()) {
            for (String hfId : root.getValue()) {
                if (recorder.overDeadline()) {
                    return false; // nothing may count as unlisted after a cut-short run
                }
                try {
                    crawl(client, hfId, recorder);
                    recorder.itemDone();
                } catch (RateLimitedException e) {
                    recorder.stopEarly(e.getMessage());
                    return true;
                } catch (UpstreamDownException e) {
                    recorder.abort(e.getMessage());
                    return false;
                } catch (IOException | HubException e) {
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
            hub.markStatus(hfId, HubStatus.GATED, now);
            recorder.count("gated");
            return;
        }
        if (answer instanceof ModelAnswer.Gone) {
            hub.markStatus(hfId, HubStatus.GONE, now);
            recorder.count("gone");
            return;
        }
        ModelAnswer.Found found = (ModelAnswer.Found) answer;
        recorder.count("fetched");
        Family family = new Family(found.entry());
        found.formerIds().forEach(old -> family.renamed(new Rename(old, found.entry().id())));
        family.claims(FamilyWalk.counted(parser.parse(found.entry()), recorder));
        new FamilyWalk(client, settings, parser, recorder).walk(family);
        store(family, recorder);
    }

    private void store(Family family, CrawlRecorder recorder) {
        List<HubModel> listed = family.below().stream().map(HubEntry::toModel).toList();
        // Every member's card was read (the root's answer, the listings' cardData): each says its newer version, or none.
        List<CardVersion> versions = family.models().stream().map(e -> new CardVersion(e.id(), e.cardNewVersion())).toList();
        HubFamily.Stored stored = hub.store(new HubFamily(family.root().toModel(), listed, family.derivations(),
                family.renames(), family.listedCompletely(), versions), clock.instant());
        recorder.add("snapshots", stored.snapshots());
        recorder.add("listed", listed.size());
        recorder.add("discovered", stored.discovered());
        recorder.add("gated", listed.stream().filter(m -> Boolean.TRUE.equals(m.gated())).count());
        family.rejected().forEach(message -> recorder.itemFailed(family.root().id(), message));
        if (family.truncated()) {
            recorder.count("familiesTruncated");
            log.info("Family of {} cut at {} models (tracker.huggingface.discovery.max-per-family)",
                    family.root().id(), settings.maxPerFamily());
        }
    }
}
