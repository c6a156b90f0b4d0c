package org.llmtracker.crawler.sweep;

import java.time.Duration;
import java.util.Objects;

/**
 * How the whole-Hub sweep reads the listing; how it talks to the Hub (its share of the rate
 * window, the longest wait) is its {@link org.llmtracker.crawler.http.Upstream}'s.
 *
 * @param pageSize      models per listing page (the Hub serves at most 1,000)
 * @param overlap       an incremental pass reads this far past the last pass's watermark, so a
 *                      change stamped a little out of order is not missed
 * @param fullPassEvery a scheduled run makes a full pass when the last complete one is this old
 * @param maxModels     the most models a pass expects the Hub to list; with {@code pageMargin} it bounds a pass's
 *                      pages at {@code ceil(maxModels / pageSize) + pageMargin}, beyond which the pass ends FAILED
 * @param pageMargin    pages a pass may read beyond {@code ceil(maxModels / pageSize)} (catch-ups, models listed
 *                      while it reads)
 * @param maxParents    the most parents kept per model; the rest are counted and dropped
 * @param firstFillBelow a full pass that starts while the store holds fewer models than this is a
 *                      first fill: its pages leave the ancestry index to one bulk build at its end
 */
public record SweepSettings(int pageSize, Duration overlap, Duration fullPassEvery, long maxModels, int pageMargin,
        int maxParents, long firstFillBelow) {

    public SweepSettings {
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(fullPassEvery, "fullPassEvery");
        if (pageSize < 1 || overlap.isNegative() || fullPassEvery.isNegative() || maxModels < 1 || pageMargin < 0
                || maxParents < 1 || firstFillBelow < 0) {
            throw new IllegalArgumentException("sweep settings out of range: page " + pageSize + ", overlap " + overlap
                    + ", full pass every " + fullPassEvery + ", max models " + maxModels + ", page margin "
                    + pageMargin + ", max parents " + maxParents);
        }
    }

    /** The most pages one pass may read: {@code ceil(maxModels / pageSize) + pageMargin}. */
    public long maxPages() {
        return (maxModels + pageSize - 1) / pageSize + pageMargin;
    }
}
