package org.llmtracker.graph.hub;

import java.time.Instant;

/**
 * Where a sweep of a listing stands, kept in the graph as a plain {@code (:SweepState {name})}
 * node so that a run cut short (rate limit, crash, stop) resumes where it was.
 *
 * @param watermark       the newest change the last complete pass saw at its start: everything
 *                        changed since is newer than it
 * @param lastFullPassAt  when the last complete full pass started; null before the first
 * @param lastCompletedAt when the last pass of either kind ended
 * @param pass            the pass under way, or null
 */
public record SweepState(String name, Instant watermark, Instant lastFullPassAt, Instant lastCompletedAt, Pass pass) {

    /**
     * A pass under way.
     *
     * @param full       a full pass reads the whole listing and then marks what it did not see; an
     *                   incremental one stops at {@code stopBefore}
     * @param startedAt  when it started (models listed since are stamped later than this)
     * @param stopBefore an incremental pass stops at the first model changed before this; null for a full pass
     * @param cursor     the next page to read, as the listing's {@code Link} gave it; null: the first page
     * @param head       the newest change the pass has seen (its first item); null before its first page
     * @param pages      pages stored so far
     * @param models     models stored so far
     * @param restarts   times the listing refused the cursor and the pass began again from the first page
     */
    public record Pass(boolean full, Instant startedAt, Instant stopBefore, String cursor, Instant head, long pages,
            long models, long restarts) {
    }
}
