package org.llmtracker.crawler.license;

import java.time.Clock;

import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.crawler.run.Job;
import org.llmtracker.graph.license.LicenseVerdicts;

/**
 * Job {@code licenses}: judges the models whose lineage or licence changed since the last run
 * (and all of them after the terms changed), so the stored verdicts follow the sweep.
 */
public final class LicenseJob implements Job {

    private final LicenseVerdicts verdicts;
    private final Clock clock;

    public LicenseJob(LicenseVerdicts verdicts, Clock clock) {
        this.verdicts = verdicts;
        this.clock = clock;
    }

    @Override
    public String job() {
        return "licenses";
    }

    @Override
    public void run(CrawlRecorder recorder) {
        if (verdicts.ensure()) {
            recorder.count("termsChanged");
        }
        LicenseVerdicts.Refreshed done = verdicts.refresh(clock.instant());
        recorder.add("judged", done.judged());
        recorder.add("relicensed", done.relicensed());
        recorder.add("newConflicts", done.newConflicts());
    }
}
