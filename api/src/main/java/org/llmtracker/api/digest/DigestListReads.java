package org.llmtracker.api.digest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.llmtracker.api.web.BadParameterException;
import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.api.web.PageResponse;
import org.llmtracker.api.web.Params;
import org.llmtracker.graph.digest.DigestLists;
import org.llmtracker.graph.digest.DigestQueries;
import org.llmtracker.graph.digest.IsoWeek;
import org.llmtracker.graph.model.Page;
import org.llmtracker.graph.model.Relation;

/**
 * The whole list behind each digest section, a page at a time, for the API and the pages. The
 * week's new models (tens of thousands) are paged in the store; the other sections are short
 * (a few hundred at most) and are read whole, in the digest's order, and cut here.
 */
public final class DigestListReads {

    /** What {@code relation=} accepts: the link relations, a later generation, or a new base model. */
    public static final List<String> RELATIONS = Stream.concat(Arrays.stream(Relation.values()).map(Enum::name),
            Stream.of("NEW_VERSION", DigestLists.ROOT)).toList();

    private final DigestService digests;
    private final DigestLists lists;

    DigestListReads(DigestService digests, DigestLists lists) {
        this.digests = digests;
        this.lists = lists;
    }

    public static DigestSection section(String slug) {
        return DigestSection.of(slug).orElseThrow(() -> new NotFoundException("No digest section '" + slug + "'; sections are "
                + Arrays.stream(DigestSection.values()).map(DigestSection::slug).toList()));
    }

    public PageResponse<?> page(IsoWeek week, DigestSection section, String family, String relation, int page, int size) {
        Params.page(page);
        Params.size(size);
        int skip = Params.offset(page, size);
        String only = relation(relation);
        String below = family == null || family.isBlank() ? null : family.trim();
        if ((below != null || only != null) && section != DigestSection.NEW_MODELS) {
            throw new BadParameterException(below != null ? "family" : "relation",
                    "family and relation filter the new-models list only, not " + section.slug());
        }
        return switch (section) {
            case NEW_MODELS -> newModels(week, below, only, page, size, skip);
            case NEW_FAMILIES -> PageResponse.of(lists.newModels(week, null, DigestLists.ROOT, skip, size), page, size);
            default -> PageResponse.of(cut(whole(digests.lists(week), section), skip, size), page, size);
        };
    }

    private PageResponse<?> newModels(IsoWeek week, String family, String relation, int page, int size, int skip) {
        Page<?> found = lists.newModels(week, family, relation, skip, size);
        if (found == null) {
            throw new NotFoundException("No model with id '" + family + "'");
        }
        return PageResponse.of(found, page, size);
    }

    private static List<?> whole(DigestQueries.Lists all, DigestSection section) {
        return switch (section) {
            case RELEASES -> all.releases();
            case STAR_MOVERS -> all.starMovers();
            case STAR_RISERS -> all.starRisers();
            case DERIVATIVES -> all.derivatives();
            case FAMILIES -> all.families();
            case NEW_FAMILIES -> all.newFamilies();
            case NEW_MODELS -> all.newModels();
            case DOWNLOAD_MOVERS -> all.downloadMovers();
            case LIKE_MOVERS -> all.likeMovers();
        };
    }

    private static <T> Page<T> cut(List<T> all, int skip, int size) {
        return new Page<>(all.size(), skip >= all.size() ? List.of() : all.subList(skip, Math.min(all.size(), skip + size)));
    }

    private static String relation(String relation) {
        if (relation == null || relation.isBlank()) {
            return null;
        }
        String name = relation.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (!RELATIONS.contains(name)) {
            throw new BadParameterException("relation", "relation '" + relation + "' is not one of " + RELATIONS);
        }
        return name;
    }
}
