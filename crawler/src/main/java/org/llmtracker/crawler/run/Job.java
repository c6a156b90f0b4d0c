package org.llmtracker.crawler.run;

/**
 * A job that can run on a schedule or on request: a crawler, or the weekly digest. It reports
 * what it did through the {@link CrawlRecorder}; it throws only when the run as a whole broke.
 */
public interface Job {

    /** The job's name in routes and records: {@code github}, {@code huggingface}, {@code pages}, {@code digest}. */
    String job();

    void run(CrawlRecorder recorder);
}
