package org.llmtracker.crawler.huggingface;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.Rename;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.naming.HubIds;

/**
 * Lineage from a Hub answer. Two witnesses speak: the model card ({@code cardData.base_model},
 * a string or a list, and {@code base_model_relation}) and the tags the Hub derives from it
 * ({@code base_model:<id>} and {@code base_model:<relation>:<id>}). The tags are trusted where
 * they disagree: the Hub rewrites them when a base is renamed while the card keeps the old id,
 * so an old card id paired with a new tag id is recorded as a rename.
 *
 * <p>A relation comes from the tag, else the card, else MERGE when there are several parents,
 * else UNKNOWN. Parents keep the Hub's spelling (the tag's, else the card's): a parent the graph
 * does not hold yet is stored under that name until its own answer arrives.
 */
public final class LineageParser {

    public static final String CARD = "hf-card";
    public static final String TAG = "hf-tag";
    private static final String PREFIX = "base_model:";

    private final int maxParents;

    /**
     * @param maxParents the most parents kept per model ({@code tracker.huggingface.max-parents}); one model
     *                   with 10,000 {@code base_model} tags once took a listing page 4.4 s to store
     */
    public LineageParser(int maxParents) {
        if (maxParents < 1) {
            throw new IllegalArgumentException("maxParents must be at least 1, got " + maxParents);
        }
        this.maxParents = maxParents;
    }

    public Lineage parse(HubEntry entry) {
        Map<String, String> spelling = new LinkedHashMap<>(); // parent key -> the Hub's spelling, tags first
        Map<String, Relation> tagged = tagged(entry.tags(), spelling);
        Map<String, String> card = new LinkedHashMap<>();
        entry.cardBaseModels().stream().filter(HubIds::valid)
                .forEach(id -> card.putIfAbsent(key(id), id));
        Relation cardRelation = Relation.parse(entry.cardRelation()).orElse(null);

        List<Rename> renames = new ArrayList<>();
        Map<String, String> cardNamed = new LinkedHashMap<>(); // parent key -> card's spelling
        if (tagged.isEmpty()) {
            card.forEach(cardNamed::put);
        } else {
            List<String> cardOnly = new ArrayList<>();
            card.forEach((k, id) -> {
                if (tagged.containsKey(k)) {
                    cardNamed.put(k, id);
                } else {
                    cardOnly.add(id);
                }
            });
            List<String> tagOnly = tagged.keySet().stream().filter(k -> !card.containsKey(k)).toList();
            if (!cardOnly.isEmpty() && cardOnly.size() == tagOnly.size()) {
                for (int i = 0; i < cardOnly.size(); i++) {
                    renames.add(new Rename(cardOnly.get(i), spelling.get(tagOnly.get(i))));
                    cardNamed.put(tagOnly.get(i), cardOnly.get(i));
                }
            }
        }

        cardNamed.forEach(spelling::putIfAbsent);
        List<String> parents = new ArrayList<>(tagged.isEmpty() ? new ArrayList<>(cardNamed.keySet()) : tagged.keySet());
        int dropped = Math.max(0, parents.size() - maxParents);
        if (dropped > 0) {
            parents = new ArrayList<>(parents.subList(0, maxParents));
            java.util.Set<String> kept = java.util.Set.copyOf(parents);
            renames.removeIf(r -> !kept.contains(key(r.to())));
        }
        List<Derivation> derivations = new ArrayList<>();
        for (String parent : parents) {
            Relation relation = tagged.get(parent) != null ? tagged.get(parent)
                    : cardRelation != null ? cardRelation
                    : parents.size() > 1 ? Relation.MERGE : Relation.UNKNOWN;
            if (tagged.containsKey(parent)) {
                derivations.add(new Derivation(entry.id(), spelling.get(parent), relation, List.of(), TAG));
            }
            if (cardNamed.containsKey(parent)) {
                derivations.add(new Derivation(entry.id(), spelling.get(parent), relation, List.of(), CARD));
            }
        }
        return new Lineage(derivations, renames, dropped);
    }

    /** Tag bases in order, each with the relation a {@code base_model:<relation>:<id>} tag names (or null). */
    private static Map<String, Relation> tagged(List<String> tags, Map<String, String> spelling) {
        Map<String, Relation> bases = new LinkedHashMap<>();
        for (String tag : tags) {
            if (!tag.startsWith(PREFIX)) {
                continue;
            }
            String rest = tag.substring(PREFIX.length());
            int colon = rest.indexOf(':');
            String id = colon < 0 ? rest : rest.substring(colon + 1);
            if (!HubIds.valid(id)) {
                continue;
            }
            Relation relation = colon < 0 ? null : Relation.parse(rest.substring(0, colon)).orElse(Relation.UNKNOWN);
            spelling.putIfAbsent(key(id), id);
            Relation known = bases.get(key(id));
            bases.put(key(id), relation != null ? relation : known);
        }
        return bases;
    }

    private static String key(String id) {
        return id.trim().toLowerCase(Locale.ROOT);
    }
}
