package org.llmtracker.graph.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run of a job, as recorded in the graph.
 *
 * @param counts   what happened to items, by name: fetched, unchanged, changed, failed, ...
 * @param requests HTTP requests the run made
 * @param errors   per-item errors, each naming the item
 * @param note     why a run ended PARTIAL or FAILED; null otherwise
 */
public record CrawlRun(String id, String job, CrawlStatus status, Instant startedAt, Instant finishedAt,
        Map<String, Long> counts, long requests, List<String> errors, String note) {

    public CrawlRun {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
