package org.llmtracker.crawler.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.llmtracker.graph.catalog.BaseModelRef;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;

/**
 * The catalogue's rules, for a whole catalogue (the file) or for one entry against the model ids
 * the graph already holds ({@code PUT /api/catalog/{id}}). Per-entry rules are in {@link EntryRules};
 * this class adds the rules between entries: unique ids and Hugging Face ids, known base models and
 * an acyclic lineage. Ids are compared case-insensitively because the graph lower-cases them.
 */
public final class CatalogValidator {

    /** Validates a whole catalogue and converts it; base models must be entries of the same catalogue. */
    public Validation<List<CatalogEntry>> validateCatalog(List<RawEntry> entries) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        Map<String, String> displayIds = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String id = entries.get(i).id();
            if (!EntryRules.blank(id) && positions.putIfAbsent(key(id), i + 1) == null) {
                displayIds.put(key(id), id.trim());
            }
        }
        List<CatalogProblem> problems = new ArrayList<>();
        Map<String, String> huggingfaceOwners = new HashMap<>();
        Map<String, List<String>> parents = new LinkedHashMap<>();
        Map<String, List<String>> earlier = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            RawEntry e = entries.get(i);
            String label = label(e, i + 1);
            problems.addAll(EntryRules.check(e, label));
            int first = EntryRules.blank(e.id()) ? i + 1 : positions.get(key(e.id()));
            if (first != i + 1) {
                problems.add(new CatalogProblem(label, "id",
                        "duplicate id '" + e.id() + "' (entries #" + first + " and #" + (i + 1) + ")"));
            }
            List<String> known = checkBases(e, label, positions.keySet(), displayIds.values(), problems);
            if (!EntryRules.blank(e.id())) {
                parents.computeIfAbsent(key(e.id()), k -> new ArrayList<>()).addAll(known);
            }
            checkHuggingfaceIds(e, label, displayIds, huggingfaceOwners, problems);
            checkEarlierVersion(e, label, positions.keySet(), displayIds.values(), problems)
                    .ifPresent(v -> earlier.put(key(e.id()), List.of(v)));
        }
        for (List<String> cycle : Cycles.find(parents)) {
            problems.add(new CatalogProblem(displayIds.get(cycle.get(0)), "baseModels",
                    "base models form a cycle: " + String.join(" -> ", cycle.stream().map(displayIds::get).toList())));
        }
        for (List<String> cycle : Cycles.find(earlier)) {
            problems.add(new CatalogProblem(displayIds.get(cycle.get(0)), "newVersionOf",
                    "versions form a cycle: " + String.join(" -> ", cycle.stream().map(displayIds::get).toList())));
        }
        return problems.isEmpty() ? Validation.valid(entries.stream().map(CatalogValidator::convert).toList())
                : Validation.invalid(problems);
    }

    /**
     * Validates one entry whose base models must be among {@code knownModelIds} (any case). Whether a
     * base already derives from the entry is the stored graph's question: the writer refuses such an
     * edit in the transaction that would store it.
     */
    public Validation<CatalogEntry> validateEntry(RawEntry entry, Collection<String> knownModelIds) {
        String label = label(entry, 1);
        List<CatalogProblem> problems = new ArrayList<>(EntryRules.check(entry, label));
        Set<String> known = new HashSet<>();
        knownModelIds.forEach(id -> known.add(key(id)));
        checkBases(entry, label, known, knownModelIds, problems);
        checkEarlierVersion(entry, label, known, knownModelIds, problems);
        return problems.isEmpty() ? Validation.valid(convert(entry)) : Validation.invalid(problems);
    }

    /** The problems of a catalogue built in code (the table importer's output, for one). */
    public List<CatalogProblem> check(List<CatalogEntry> entries) {
        return validateCatalog(entries.stream().map(RawEntry::of).toList()).problems();
    }

    /** The problems of one entry built in code, against the model ids the graph holds. */
    public List<CatalogProblem> check(CatalogEntry entry, Collection<String> knownModelIds) {
        return validateEntry(RawEntry.of(entry), knownModelIds).problems();
    }

    /** Reports unknown base models; returns the keys of the known ones, the entry's lineage edges. */
    private static List<String> checkBases(RawEntry e, String label, Collection<String> knownKeys,
            Collection<String> suggestions, List<CatalogProblem> problems) {
        List<String> known = new ArrayList<>();
        for (int j = 0; j < e.baseModels().size(); j++) {
            RawBaseModel base = e.baseModels().get(j);
            if (base == null || EntryRules.blank(base.id())
                    || (!EntryRules.blank(e.id()) && key(base.id()).equals(key(e.id())))) {
                continue; // reported by EntryRules
            }
            if (knownKeys.contains(key(base.id()))) {
                known.add(key(base.id()));
            } else {
                problems.add(new CatalogProblem(label, "baseModels[" + j + "].id",
                        "unknown base model '" + base.id() + "'" + Suggestions.didYouMean(base.id(), suggestions)));
            }
        }
        return known;
    }

    /** Reports an unknown earlier version; returns its key when it is known. */
    private static Optional<String> checkEarlierVersion(RawEntry e, String label, Collection<String> knownKeys,
            Collection<String> suggestions, List<CatalogProblem> problems) {
        if (EntryRules.blank(e.newVersionOf()) || EntryRules.blank(e.id())
                || key(e.newVersionOf()).equals(key(e.id()))) {
            return Optional.empty(); // absent, or reported by EntryRules
        }
        if (knownKeys.contains(key(e.newVersionOf()))) {
            return Optional.of(key(e.newVersionOf()));
        }
        problems.add(new CatalogProblem(label, "newVersionOf", "unknown entry '" + e.newVersionOf() + "'"
                + Suggestions.didYouMean(e.newVersionOf(), suggestions)));
        return Optional.empty();
    }

    // The graph makes every Hugging Face id an alias of its entry, so an id must lead to one entry only.
    private static void checkHuggingfaceIds(RawEntry e, String label, Map<String, String> entryIds,
            Map<String, String> owners, List<CatalogProblem> problems) {
        String own = EntryRules.blank(e.id()) ? null : key(e.id());
        for (int k = 0; k < e.huggingfaceIds().size(); k++) {
            String hfId = e.huggingfaceIds().get(k);
            if (EntryRules.blank(hfId)) {
                continue;
            }
            String field = "huggingfaceIds[" + k + "]";
            String hfKey = key(hfId);
            if (entryIds.containsKey(hfKey) && !hfKey.equals(own)) {
                problems.add(new CatalogProblem(label, field,
                        "'" + hfId + "' is the id of another entry ('" + entryIds.get(hfKey) + "')"));
            }
            String owner = owners.putIfAbsent(hfKey, label);
            if (owner != null && !owner.equals(label)) {
                problems.add(new CatalogProblem(label, field,
                        "'" + hfId + "' is already a Hugging Face id of entry '" + owner + "'"));
            }
        }
    }

    static String label(RawEntry e, int position) {
        if (EntryRules.blank(e.id())) {
            return "#" + position;
        }
        // Every problem names its entry: an id too long to be one is cut, not repeated in full.
        String id = e.id().trim();
        return id.length() > EntryRules.MAX_ID ? id.substring(0, 40) + "…" : id;
    }

    private static String key(String id) {
        return id.trim().toLowerCase(Locale.ROOT);
    }

    private static CatalogEntry convert(RawEntry e) {
        List<BaseModelRef> bases = e.baseModels().stream().map(b -> new BaseModelRef(b.id().trim(),
                EntryRules.blank(b.relation()) ? Relation.UNKNOWN : Relation.parse(b.relation()).orElseThrow(),
                b.stages().stream().map(s -> Stage.parse(s).orElseThrow()).toList())).toList();
        return new CatalogEntry(e.id().trim(), e.name(), e.kind(), orNull(e.organisation()), orNull(e.region()),
                orNull(e.parameters()), e.openSource(), orNull(e.releasedAt()), orNull(e.license()),
                orNull(e.description()), e.githubRepositories(), e.huggingfaceIds(), bases, e.links(),
                EntryRules.blank(e.newVersionOf()) ? null : e.newVersionOf().trim());
    }

    private static String orNull(String value) {
        return EntryRules.blank(value) ? null : value;
    }
}
