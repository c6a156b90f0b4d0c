package org.llmtracker.graph.digest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.model.Page;

/**
 * What changed in one ISO week. Every list section is bounded (at most
 * {@code tracker.digest.items-per-section} items, best first) and says its {@code total}, the
 * length of the whole list that the week's paged routes serve; nothing is left out without
 * being counted. Every rendering (JSON, Markdown, HTML, Atom, webhook) names the same items in
 * the same order.
 *
 * @param releases       releases of tracked repositories, from the most starred repository down
 * @param starMovers     repositories by absolute star gain, largest first
 * @param starRisers     repositories by relative star gain, largest first (baseline of at least
 *                       {@link DigestQueries#MIN_BASELINE_STARS} stars, so 1 to 3 is not "+200%")
 * @param derivatives    new models below catalogued models, at any depth, by catalogued model and relation
 * @param families       family lines (a head and its later generations) by new descendants
 * @param newFamilies    models first seen this week that derive from nothing: new base models
 * @param newModels      every model first seen this week, most downloaded first
 * @param counts         how the week's new models divide up; the parts add up to {@code newModels.total}
 * @param downloadMovers Hugging Face models by download gain, largest first
 * @param likeMovers     Hugging Face models by like gain, largest first
 * @param licenseConflicts models whose licence verdict became {@code conflict} in the week, most
 *                       downloaded first (information, not legal advice); empty in digests stored
 *                       before the section existed
 */
public record Digest(String week, Instant from, Instant to, Instant builtAt,
        Page<NewRelease> releases,
        Page<Mover> starMovers,
        Page<Mover> starRisers,
        Page<DerivativeGroup> derivatives,
        Page<FamilyGrowth> families,
        Page<NewModel> newFamilies,
        Page<NewModel> newModels,
        WeekCounts counts,
        Page<Mover> downloadMovers,
        Page<Mover> likeMovers,
        List<JobHealth> crawlHealth,
        Page<org.llmtracker.graph.license.LicenseConflict> licenseConflicts) {

    public Digest {
        crawlHealth = List.copyOf(crawlHealth);
        licenseConflicts = licenseConflicts == null ? new Page<>(0, List.of()) : licenseConflicts;
    }

    /** A digest without the licence section (stored before it existed, or built by a caller that has none). */
    public Digest(String week, Instant from, Instant to, Instant builtAt, Page<NewRelease> releases,
            Page<Mover> starMovers, Page<Mover> starRisers, Page<DerivativeGroup> derivatives,
            Page<FamilyGrowth> families, Page<NewModel> newFamilies, Page<NewModel> newModels, WeekCounts counts,
            Page<Mover> downloadMovers, Page<Mover> likeMovers, List<JobHealth> crawlHealth) {
        this(week, from, to, builtAt, releases, starMovers, starRisers, derivatives, families, newFamilies, newModels,
                counts, downloadMovers, likeMovers, crawlHealth, null);
    }

    /** A release of a repository some model is hosted at. */
    public record NewRelease(String repository, String tag, String name, Instant publishedAt, boolean prerelease, String url) {
    }

    /**
     * A change of one figure between the last snapshot before the week (or the week's first) and
     * the week's last snapshot.
     *
     * @param relative the change as a fraction of {@code before}; null when {@code before} is 0
     */
    public record Mover(String id, String name, String url, long before, long after, long delta, Double relative) {
    }

    /**
     * A model first seen in the week.
     *
     * @param relation how it came about: its link's relation ({@code MERGE} with several parents),
     *                 {@code NEW_VERSION} for a later generation of a line, null for a new base model
     * @param family   the head of its family line (with generations), null for a new base model
     */
    public record NewModel(String id, String name, boolean catalogued, String relation, String family, String familyName,
            Long downloads, Long likes) {
    }

    /**
     * One family line's week: a head (a model deriving from nothing, the oldest of its
     * generations) and the new models below it or below any of its later versions.
     *
     * @param generations the heads whose descendants counted here besides the line's own head (Llama 3.1 for Llama)
     * @param top         the most downloaded of the new descendants
     */
    public record FamilyGrowth(String id, String name, boolean catalogued, long newDescendants, Map<String, Long> byRelation,
            List<String> generations, List<NewModel> top) {

        public FamilyGrowth {
            byRelation = Map.copyOf(byRelation);
            generations = List.copyOf(generations);
            top = List.copyOf(top);
        }
    }

    /** New models below one catalogued model (at any depth) by one relation, the most downloaded first. */
    public record DerivativeGroup(String base, String baseName, String relation, int count, List<Derivative> top) {

        public DerivativeGroup {
            top = List.copyOf(top);
        }
    }

    public record Derivative(String id, String name, Long downloads) {
    }

    /**
     * The week's new models, divided: {@code firstSeen = newFamilies + newVersions + derivatives + unplaced}.
     *
     * @param derivatives models with a parent and a family head
     * @param unplaced    models with a parent but no head (their ancestry is a cycle)
     * @param byRelation  the derivatives and new versions by relation
     */
    public record WeekCounts(long firstSeen, long newFamilies, long newVersions, long derivatives, long unplaced,
            Map<String, Long> byRelation) {

        public WeekCounts {
            byRelation = Map.copyOf(byRelation);
        }
    }

    /**
     * @param aborted        runs a dead process left behind (see {@code CrawlStatus.ABORTED})
     * @param rateLimitStops PARTIAL runs whose note mentions a rate limit
     */
    public record JobHealth(String job, int runs, int succeeded, int partial, int failed, int aborted, int rateLimitStops,
            long requests) {
    }
}
