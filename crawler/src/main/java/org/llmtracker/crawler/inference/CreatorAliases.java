package org.llmtracker.crawler.inference;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Display names a run has seen stand for an organisation: a quantizer's card says {@code model_creator:
 * "Saofiq"} or "Eric Hartford", the Hub's owner is {@code Sao10K} or {@code cognitivecomputations}, and no
 * normalisation joins them. Where a card with that creator was settled without a collision (one model of
 * that name, so neither the creator nor the name was in doubt), the pairing is learned, and settles the
 * collisions of the same creator's other models. Two settled models must agree before a pairing counts.
 */
final class CreatorAliases {

    private static final int AGREEING = 2;

    private final Map<String, Map<String, Integer>> seen = new HashMap<>();

    /** Learns from a kept inference that no same-named candidate disputed. */
    void learn(ModelFacts child, Inference inference) {
        if (inference.ambiguous() || inference.evidence().stream().anyMatch(e -> e.contains("models with this name"))) {
            return;
        }
        String owner = owner(inference.parent());
        for (String creator : Creators.stated(child)) {
            if (Creators.match(creator, owner) == Creators.Match.NONE) {
                seen.computeIfAbsent(Creators.normal(creator), k -> new HashMap<>()).merge(owner, 1, Integer::sum);
            }
        }
    }

    /** The owners {@code creator} has been seen to stand for, by at least two settled models. */
    Set<String> owners(String creator) {
        Set<String> owners = new HashSet<>();
        seen.getOrDefault(Creators.normal(creator), Map.of()).forEach((owner, n) -> {
            if (n >= AGREEING) {
                owners.add(owner);
            }
        });
        return owners;
    }

    /** The stated creators with the owners they were seen to stand for added (as ids, which match exactly). */
    List<String> widen(List<String> creators) {
        if (seen.isEmpty()) {
            return creators;
        }
        Set<String> wider = new java.util.LinkedHashSet<>(creators);
        creators.forEach(c -> wider.addAll(owners(c)));
        return List.copyOf(wider);
    }

    private static String owner(String id) {
        return (id.contains("/") ? id.substring(0, id.indexOf('/')) : id).toLowerCase(Locale.ROOT);
    }
}
