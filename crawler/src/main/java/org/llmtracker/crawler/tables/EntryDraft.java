package org.llmtracker.crawler.tables;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.llmtracker.graph.catalog.BaseModelRef;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.model.Relation;

/** An entry being assembled from one or more table rows (or from a base-model name alone). */
final class EntryDraft {

    final String key;
    final String name;
    final String where;
    final int ordinal;
    String id;
    String organisation;
    String region;
    String parameters;
    Boolean openSource;
    String releasedAt;
    final Set<String> links = new LinkedHashSet<>();
    // Keyed by lower case, since GitHub and the Hub ignore case; the first spelling is kept.
    final Map<String, String> repositories = new LinkedHashMap<>();
    final Map<String, String> huggingfaceIds = new LinkedHashMap<>();
    final List<String> baseNames = new ArrayList<>();
    final List<EntryDraft> bases = new ArrayList<>();

    EntryDraft(String name, String where, int ordinal) {
        this.key = NameKeys.key(name);
        this.name = name;
        this.where = where;
        this.ordinal = ordinal;
    }

    void addRepository(String fullName) {
        repositories.putIfAbsent(fullName.toLowerCase(Locale.ROOT), fullName);
    }

    void addHuggingfaceId(String id) {
        huggingfaceIds.putIfAbsent(id.toLowerCase(Locale.ROOT), id);
    }

    /** Takes in a later row about the same project: lists are united, the first value of each fact wins. */
    void merge(EntryDraft later, Consumer<String> warn) {
        organisation = first("organisation", organisation, later.organisation, later, warn);
        region = first("region", region, later.region, later, warn);
        parameters = first("parameters", parameters, later.parameters, later, warn);
        openSource = first("openSource", openSource, later.openSource, later, warn);
        releasedAt = first("releasedAt", releasedAt, later.releasedAt, later, warn);
        links.addAll(later.links);
        later.repositories.values().forEach(this::addRepository);
        later.huggingfaceIds.values().forEach(this::addHuggingfaceId);
        later.baseNames.stream().filter(b -> !baseNames.contains(b)).forEach(baseNames::add);
    }

    private <T> T first(String field, T kept, T other, EntryDraft later, Consumer<String> warn) {
        if (kept != null && other != null && !Objects.equals(kept, other)) {
            warn.accept(later.where + " '" + later.name + "', " + field + ": '" + other + "' differs from '" + kept
                    + "' in " + where + "; kept '" + kept + "'");
        }
        return kept != null ? kept : other;
    }

    CatalogEntry toEntry() {
        List<BaseModelRef> refs = bases.stream().map(b -> new BaseModelRef(b.id, Relation.UNKNOWN, List.of())).toList();
        return new CatalogEntry(id, name, "model", organisation, region, parameters, openSource, releasedAt, null, null,
                List.copyOf(repositories.values()), List.copyOf(huggingfaceIds.values()), refs, distinctIgnoringCase(links));
    }

    // The catalogue takes links that differ only in case for one (hosts are case-blind, and a
    // document that cites both spellings means one page); the first spelling stays.
    private static List<String> distinctIgnoringCase(Set<String> links) {
        Set<String> seen = new HashSet<>();
        return links.stream().filter(link -> seen.add(link.toLowerCase(Locale.ROOT))).toList();
    }
}
