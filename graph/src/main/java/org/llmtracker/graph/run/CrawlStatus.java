package org.llmtracker.graph.run;

/** How a crawl run ended, or that it has not yet. */
public enum CrawlStatus {
    RUNNING,
    /** Every item was attempted; some items may still have failed (see the run's errors). */
    SUCCEEDED,
    /** The run stopped early on purpose (a rate limit with a long wait); the next run goes on. */
    PARTIAL,
    /** The run itself broke: nothing or not everything was attempted. */
    FAILED,
    /**
     * The process running it died (a crash, {@code kill -9}, a power cut) before the run ended;
     * found RUNNING without a live owner and closed as this (see {@code CrawlRunStore#abortAbandoned}).
     */
    ABORTED
}
