package org.llmtracker.crawler.inference;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmtracker.crawler.inference.Inference.Signal;

/**
 * Several unquantised models often carry one name: the original and re-uploads of it
 * ({@code meta-llama/Llama-2-7b-hf}, {@code NousResearch/Llama-2-7b-hf}). A quantizer worked from
 * one of them, and the first upload is the original, so each later one found by name alone loses
 * {@link Weights#LATER_COPY}. A card that names a later one keeps it whole. Quantizations named like
 * such an original are its siblings, not the model's parent, and drop out. A same-named model of
 * another architecture or size is no original of anything here.
 */
final class Copies {

    private Copies() {
    }

    static Map<PairScore, Double> judge(List<PairScore> scored) {
        Optional<Instant> first = first(scored);
        boolean original = scored.stream().anyMatch(s -> byNameOnly(s) && !s.contradicted());
        Map<PairScore, Double> logits = new LinkedHashMap<>();
        for (PairScore s : scored) {
            if (original && s.quantization() && namedOnly(s)) {
                continue;
            }
            boolean later = first.isPresent() && byNameOnly(s) && s.candidate().createdAt() != null
                    && s.candidate().createdAt().isAfter(first.get());
            logits.put(s, s.logit() + (later ? Weights.LATER_COPY : 0));
        }
        return logits;
    }

    /** What the best candidate's standing among same-named models adds to its evidence. */
    static List<String> evidence(PairScore best, List<PairScore> scored) {
        List<PairScore> named = scored.stream().filter(s -> byNameOnly(s) && !s.contradicted()).toList();
        if (named.size() < 2 || !byNameOnly(best)) {
            return List.of();
        }
        Optional<Instant> first = first(scored);
        boolean earliest = first.isPresent() && first.get().equals(best.candidate().createdAt());
        return List.of((earliest ? "earliest" : "not the earliest") + " of " + named.size() + " models with this name");
    }

    private static Optional<Instant> first(List<PairScore> scored) {
        return scored.stream().filter(s -> byNameOnly(s) && !s.contradicted()).map(s -> s.candidate().createdAt())
                .filter(t -> t != null).min(Instant::compareTo);
    }

    /** Named like the model, unquantised, and not named by the card. */
    private static boolean byNameOnly(PairScore s) {
        return !s.quantization() && namedOnly(s);
    }

    private static boolean namedOnly(PairScore s) {
        return (s.signals().contains(Signal.NAME_STEM) || s.signals().contains(Signal.NAME_WITH_AUTHOR))
                && !s.signals().contains(Signal.CARD_QUANTIZED) && !s.signals().contains(Signal.CARD_FINETUNE)
                && !s.signals().contains(Signal.CARD_LINK);
    }
}
