package org.llmtracker.graph.run;

/** How a crawl run ended, or that it has not yet. */
public enum CrawlStatus {
    RUNNING,
    /** Every item was attempted and none failed. */
    SUCCEEDED,
    /**
     * Some items failed while others were done (see the run's errors), or the run stopped early
     * on purpose (a rate limit with a long wait) and the next run goes on.
     */
    PARTIAL,
    /** The run broke, its upstream could not be reached, or every item it tried failed. */
    FAILED
}
