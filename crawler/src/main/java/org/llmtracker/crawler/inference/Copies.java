package org.llmtracker.crawler.inference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.llmtracker.crawler.inference.Inference.Signal;

/**
 * Several unquantised models often carry one name: the original, re-uploads and mirrors of it
 * ({@code meta-llama/Llama-2-7b-hf}, {@code NousResearch/Llama-2-7b-hf}), and unrelated models by other
 * organisations that happen to share it ({@code KoboldAI/13B-BlueMethod} beside {@code CalderaAI/13B-BlueMethod}).
 * Among those found by name alone, what tells the original apart is who made it (the card's creator,
 * scored in {@link PairScore}), how much it is used (downloads and likes, relative to the others:
 * {@link Weights#POPULARITY} per tenfold) and, as a prior only, which came first ({@link Weights#LATER_COPY}).
 * A card that names one by id keeps it whole. Quantizations named like such an original are its siblings,
 * not the model's parent, and drop out. A same-named model of another architecture or size is no original
 * of anything here.
 */
final class Copies {

    /** One candidate after the comparison with the others of its name; {@code collision}: it has such others. */
    record Judged(double logit, List<String> evidence, boolean popular, boolean collision) {
    }

    private Copies() {
    }

    static Map<PairScore, Judged> judge(List<PairScore> scored) {
        List<PairScore> named = scored.stream().filter(s -> byNameOnly(s) && !s.contradicted()).toList();
        Optional<Instant> first = first(named);
        boolean original = !named.isEmpty();
        Map<PairScore, Judged> judged = new LinkedHashMap<>();
        for (PairScore s : scored) {
            if (original && s.quantization() && namedOnly(s)) {
                continue;
            }
            double logit = s.logit();
            List<String> evidence = new ArrayList<>();
            boolean popular = false;
            if (named.size() >= 2 && named.contains(s)) {
                boolean later = first.isPresent() && s.candidate().createdAt() != null && s.candidate().createdAt().isAfter(first.get());
                logit += later ? Weights.LATER_COPY : 0;
                evidence.add((later ? "not the earliest" : "earliest") + " of " + named.size() + " models with this name");
                Double own = popularity(s.candidate());
                Double rival = named.stream().filter(o -> o != s).map(o -> popularity(o.candidate())).filter(p -> p != null)
                        .max(Double::compare).orElse(null);
                if (own != null && rival != null) {
                    // Only the leader gains: a lead is evidence for it, and the others' deficit is the same fact.
                    double term = Math.max(0, Math.min(Weights.POPULARITY_CAP, Weights.POPULARITY * (own - rival)));
                    logit += term;
                    popular = term >= Weights.POPULARITY;
                    evidence.add(String.format(Locale.ROOT, "%s downloads, %s likes: %s the other same-named models", figure(
                            s.candidate().downloads()), figure(s.candidate().likes()), term >= Weights.POPULARITY ? "more than"
                                    : own < rival - 1 ? "fewer than" : "about as many as"));
                }
            }
            judged.put(s, new Judged(logit, evidence, popular, named.size() >= 2 && named.contains(s)));
        }
        return judged;
    }

    /** Tens of downloads, with likes at half weight; null when the Hub did not say. */
    static Double popularity(ModelFacts m) {
        if (m.downloads() == null) {
            return null;
        }
        return Math.log10(1 + m.downloads()) + 0.5 * Math.log10(1 + (m.likes() == null ? 0 : m.likes()));
    }

    private static String figure(Long n) {
        return n == null ? "?" : String.format(Locale.ROOT, "%,d", n);
    }

    private static Optional<Instant> first(List<PairScore> named) {
        return named.stream().map(s -> s.candidate().createdAt()).filter(t -> t != null).min(Instant::compareTo);
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
