package org.llmtracker.graph.digest;

import java.time.Instant;
import java.util.List;

/**
 * What changed in one ISO week. Every list is in the order a reader should see it, so every
 * rendering (JSON, Markdown, HTML, Atom, webhook) names the same items in the same order.
 *
 * @param starMovers     repositories by absolute star gain, largest first
 * @param starRisers     repositories by relative star gain, largest first (baseline of at least
 *                       {@link DigestQueries#MIN_BASELINE_STARS} stars, so 1 to 3 is not "+200%")
 * @param downloadMovers Hugging Face models by download gain, largest first
 * @param likeMovers     Hugging Face models by like gain, largest first
 */
public record Digest(String week, Instant from, Instant to, Instant builtAt,
        List<NewRelease> releases,
        List<Mover> starMovers,
        List<Mover> starRisers,
        List<NewModel> newModels,
        List<DerivativeGroup> derivatives,
        List<Mover> downloadMovers,
        List<Mover> likeMovers,
        List<JobHealth> crawlHealth,
        NewLicenseConflicts licenseConflicts) {

    /** A digest without the licence section (built before it existed, or by a caller that has none). */
    public Digest(String week, Instant from, Instant to, Instant builtAt, List<NewRelease> releases,
            List<Mover> starMovers, List<Mover> starRisers, List<NewModel> newModels,
            List<DerivativeGroup> derivatives, List<Mover> downloadMovers, List<Mover> likeMovers,
            List<JobHealth> crawlHealth) {
        this(week, from, to, builtAt, releases, starMovers, starRisers, newModels, derivatives, downloadMovers,
                likeMovers, crawlHealth, null);
    }

    /**
     * Models whose licence verdict became {@code conflict} in the week: how many, and the most
     * downloaded of them (bounded). Information, not legal advice.
     */
    public record NewLicenseConflicts(long total, List<org.llmtracker.graph.license.LicenseConflict> top) {
        public NewLicenseConflicts {
            top = top == null ? List.of() : List.copyOf(top);
        }
    }

    public Digest {
        licenseConflicts = licenseConflicts == null ? new NewLicenseConflicts(0, List.of()) : licenseConflicts;
        releases = List.copyOf(releases);
        starMovers = List.copyOf(starMovers);
        starRisers = List.copyOf(starRisers);
        newModels = List.copyOf(newModels);
        derivatives = List.copyOf(derivatives);
        downloadMovers = List.copyOf(downloadMovers);
        likeMovers = List.copyOf(likeMovers);
        crawlHealth = List.copyOf(crawlHealth);
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

    /** @param family the farthest catalogued ancestor, the model itself when catalogued and rootless, else null */
    public record NewModel(String id, String name, boolean catalogued, String family, Long downloads) {
    }

    /** New derivatives of one catalogued base model by one relation, with the most downloaded first. */
    public record DerivativeGroup(String base, String baseName, String relation, int count, List<Derivative> top) {

        public DerivativeGroup {
            top = List.copyOf(top);
        }
    }

    public record Derivative(String id, String name, Long downloads) {
    }

    /**
     * @param aborted        runs a dead process left behind (see {@code CrawlStatus.ABORTED})
     * @param rateLimitStops PARTIAL runs whose note mentions a rate limit
     */
    public record JobHealth(String job, int runs, int succeeded, int partial, int failed, int aborted, int rateLimitStops,
            long requests) {
    }
}
