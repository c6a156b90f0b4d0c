package org.llmtracker.api.digest;

import java.time.Clock;

import org.llmtracker.crawler.run.Job;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.graph.digest.Digest;
import org.llmtracker.graph.digest.IsoWeek;

/**
 * The {@code digest} job. It builds and delivers the last complete ISO week before "now" (UTC):
 * run on its Monday 08:00 schedule, that is the week that just ended, with every crawl of it
 * in. It also builds the current week so far, stored but not delivered, so that
 * {@code POST /api/crawls/digest} shows this week's changes at once, as the contract promises.
 */
final class DigestJob implements Job {

    private final DigestService digests;
    private final Clock clock;

    DigestJob(DigestService digests, Clock clock) {
        this.digests = digests;
        this.clock = clock;
    }

    @Override
    public String job() {
        return "digest";
    }

    @Override
    public void run(CrawlRecorder recorder) {
        IsoWeek current = IsoWeek.containing(clock.instant());
        Digest digest = digests.build(current.previous());
        recorder.add("releases", digest.releases().total());
        recorder.add("starMovers", digest.starMovers().total());
        recorder.add("newModels", digest.newModels().total());
        recorder.add("newBaseModels", digest.newFamilies().total());
        recorder.add("familiesGrown", digest.families().total());
        recorder.add("newDerivatives", digest.counts().derivatives());
        recorder.itemDone();
        digests.deliver(digest, recorder);
        digests.build(current);
    }
}
