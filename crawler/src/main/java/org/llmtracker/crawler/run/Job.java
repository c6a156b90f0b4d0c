package org.llmtracker.crawler.run;

import java.util.Set;

/**
 * A job that can run on a schedule or on request: a crawler, or the weekly digest. It reports
 * what it did through the {@link CrawlRecorder}; it throws only when the run as a whole broke.
 */
public interface Job {

    /** The job's name in routes and records: {@code github}, {@code huggingface}, {@code pages}, {@code digest}. */
    String job();

    void run(CrawlRecorder recorder);

    /** The options a request may set for one run ({@code POST /api/crawls/hub-sweep?full=true}); none by default. */
    default Set<String> options() {
        return Set.of();
    }

    /** One run with {@code options} set (each one of {@link #options()}); without options, {@link #run(CrawlRecorder)}. */
    default void run(CrawlRecorder recorder, Set<String> options) {
        run(recorder);
    }
}
