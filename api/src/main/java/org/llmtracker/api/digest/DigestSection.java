package org.llmtracker.api.digest;

import java.util.Arrays;
import java.util.Optional;

/**
 * The digest's list sections, in the order a reader meets them: catalogued projects first, then
 * the Hub's families, then the Hub's movers. Each has a slug (its paged route and page,
 * {@code /api/digests/{week}/{slug}}, {@code /digests/{week}/{slug}}) and a message key.
 */
public enum DigestSection {
    RELEASES("releases", "releases"),
    STAR_MOVERS("star-movers", "starMovers"),
    STAR_RISERS("star-risers", "starRisers"),
    DERIVATIVES("derivatives", "derivatives"),
    FAMILIES("families", "families"),
    NEW_FAMILIES("new-families", "newFamilies"),
    NEW_MODELS("new-models", "newModels"),
    DOWNLOAD_MOVERS("download-movers", "downloadMovers"),
    LIKE_MOVERS("like-movers", "likeMovers");

    private final String slug;
    private final String key;

    DigestSection(String slug, String key) {
        this.slug = slug;
        this.key = key;
    }

    public String slug() {
        return slug;
    }

    /** The section's part of message keys: {@code digest.section.<key>}, {@code digest.empty.<key>}. */
    public String key() {
        return key;
    }

    public static Optional<DigestSection> of(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
    }
}
