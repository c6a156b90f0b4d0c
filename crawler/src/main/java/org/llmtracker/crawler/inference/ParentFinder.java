package org.llmtracker.crawler.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.llmtracker.crawler.inference.CardMentions.Mention;
import org.llmtracker.crawler.inference.Inference.Signal;
import org.llmtracker.graph.model.Relation;

/**
 * Finds the most likely parent of a model that declares none. Candidates come from the graph
 * by name stem first; the Hub's search only when the graph has no candidate named like the
 * model; the card only when the name alone is not enough. Each candidate gets log-odds
 * ({@link PairScore}); the candidates then compete, with "none of them" as one more outcome,
 * so two equally good candidates leave neither confident.
 */
public final class ParentFinder {

    /** Ids a card names that are looked up at most; a card links many things. */
    private static final int MAX_CARD_IDS = 5;

    private final InferenceSettings settings;
    private final CreatorAliases aliases;

    public ParentFinder(InferenceSettings settings) {
        this(settings, new CreatorAliases());
    }

    ParentFinder(InferenceSettings settings, CreatorAliases aliases) {
        this.settings = settings;
        this.aliases = aliases;
    }

    /** What the run has learned of creators' display names from the answers so far (see {@link CreatorAliases}). */
    public void learn(ModelFacts child, Inference kept) {
        aliases.learn(child, kept);
    }

    /** The best parent for {@code child}, whatever its confidence; empty when nothing names one. */
    public Optional<Inference> infer(ModelFacts child, Candidates source) {
        if (child.catalogued()) {
            return Optional.empty();
        }
        HubName name = child.name();
        Map<String, ModelFacts> pool = new LinkedHashMap<>();
        add(pool, source.byStem(stems(name, child)), child);
        List<Mention> mentions = mentions(child, child.card());
        lookUp(mentions, pool, child, source);
        if (!namedLikeTheModel(child, name, mentions, pool)) {
            for (String text : name.searchTexts()) {
                add(pool, source.search(text), child);
                if (namedLikeTheModel(child, name, mentions, pool)) {
                    break;
                }
            }
        }
        Optional<Inference> best = decide(child, name, mentions, pool);
        if (child.card() == null && needsCard(child, best)) {
            Optional<String> card = source.card(child.id());
            if (card.isPresent()) {
                List<Mention> read = mentions(child, card.get());
                lookUp(read, pool, child, source);
                return decide(child.withCard(card.get()), name, read, pool);
            }
        }
        return best;
    }

    /**
     * Whether the card's text may change the answer enough to pay a request for it: not when the answer
     * stands, nor when the listing carried the card's fields and they leave nothing to settle (no
     * candidate at all, or one far below the threshold). A close call, or a model whose card the
     * listing did not describe, is worth one.
     */
    private boolean needsCard(ModelFacts child, Optional<Inference> best) {
        if (best.map(b -> b.confidence() >= settings.minConfidence()).orElse(false)) {
            return false;
        }
        return child.listed() == null || best.map(Inference::ambiguous).orElse(false);
    }

    private static List<Mention> mentions(ModelFacts child, String card) {
        List<Mention> mentions = new ArrayList<>(CardMentions.read(card));
        mentions.addAll(CardMentions.listed(child.listed()));
        return mentions;
    }

    /** The models a card names: by id (graph, else Hub), and by name (graph). */
    private static void lookUp(List<Mention> mentions, Map<String, ModelFacts> pool, ModelFacts child, Candidates source) {
        mentions.stream().map(Mention::id).filter(id -> id != null && !pool.containsKey(id.toLowerCase(Locale.ROOT)))
                .distinct().limit(MAX_CARD_IDS)
                .forEach(id -> source.byId(id).ifPresent(m -> add(pool, List.of(m), child)));
        mentions.stream().filter(m -> m.id() == null).map(Mention::name).distinct().limit(2)
                .forEach(n -> add(pool, source.byStem(List.of(HubName.parse(n).stem())), child));
    }

    private Optional<Inference> decide(ModelFacts child, HubName name, List<Mention> mentions, Map<String, ModelFacts> pool) {
        List<String> creators = aliases.widen(Creators.stated(child));
        List<PairScore> scored = pool.values().stream()
                .map(c -> PairScore.of(child, name, mentions, creators, c))
                .filter(s -> s.identity() != null && !s.vetoed())
                .toList();
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        Map<PairScore, Copies.Judged> judged = Copies.judge(scored);
        double total = 1 + judged.values().stream().mapToDouble(j -> Math.exp(j.logit())).sum();
        Comparator<Map.Entry<PairScore, Copies.Judged>> byLogit = Comparator.comparingDouble(e -> e.getValue().logit());
        Map.Entry<PairScore, Copies.Judged> top = judged.entrySet().stream()
                .max(byLogit.thenComparing(e -> e.getKey().id(), Comparator.reverseOrder())).orElseThrow();
        PairScore best = top.getKey();
        double confidence = Math.exp(top.getValue().logit()) / total;
        List<String> evidence = new ArrayList<>(best.evidence());
        evidence.addAll(top.getValue().evidence());
        Optional<Map.Entry<PairScore, Copies.Judged>> second = judged.entrySet().stream().filter(e -> e.getKey() != best).max(byLogit);
        double runnerUp = second.map(e -> Math.exp(e.getValue().logit()) / total).orElse(0.0);
        second.ifPresent(e -> evidence.add(String.format(Locale.ROOT, "runner-up %s (%.2f)", e.getKey().id(), runnerUp)));
        Set<Signal> signals = new LinkedHashSet<>(best.signals());
        if (top.getValue().popular()) {
            signals.add(Signal.POPULARITY);
        }
        Relation relation = relation(child, name, signals, evidence);
        // Split evidence: the two best together are likely, neither alone is. A wrong parent costs more
        // than a missing one, so such a case stores nothing and is counted apart.
        boolean unattributed = unattributed(top.getValue(), signals, creators, judged);
        boolean ambiguous = (confidence < settings.minConfidence() && confidence + runnerUp >= settings.minConfidence()) || unattributed;
        if (unattributed) {
            evidence.add("the card's creator (" + String.join(", ", creators) + ") owns none of the same-named models");
        }
        confidence = Math.round(confidence * 1000) / 1000.0;
        return Optional.of(new Inference(child.id(), best.id(), relation, confidence, evidence, signals, ambiguous, unattributed));
    }

    /**
     * A collision the card's creator should settle but does not: the card names who made the original, and
     * no same-named candidate is theirs (the original is not stored, or its owner goes by a name the card
     * does not use). Which copy the quantizer used is then anyone's guess, whatever downloads and age say.
     */
    private static boolean unattributed(Copies.Judged best, Set<Signal> signals, List<String> creators,
            Map<PairScore, Copies.Judged> judged) {
        if (!best.collision() || creators.isEmpty() || signals.contains(Signal.CREATOR) || signals.contains(Signal.NAME_WITH_AUTHOR)
                || signals.contains(Signal.CARD_QUANTIZED) || signals.contains(Signal.CARD_FINETUNE)) {
            return false;
        }
        return judged.entrySet().stream().filter(e -> e.getValue().collision()).noneMatch(e -> e.getKey().signals().contains(Signal.CREATOR));
    }

    private static Relation relation(ModelFacts child, HubName name, Set<Signal> signals, List<String> evidence) {
        if (name.formatted()) {
            evidence.add(0, "quantization marks: " + String.join(", ", name.formats()));
            return Relation.QUANTIZED;
        }
        if (child.taggedAsQuantization()) {
            evidence.add(0, "tagged as quantized or converted weights");
            return Relation.QUANTIZED;
        }
        if (signals.contains(Signal.CARD_QUANTIZED)) {
            return Relation.QUANTIZED;
        }
        if (signals.contains(Signal.CARD_FINETUNE) || signals.contains(Signal.NAME_PREFIX)) {
            return Relation.FINETUNE;
        }
        return Relation.UNKNOWN;
    }

    /** True when the pool holds an unquantised, older candidate whose name is the model's. */
    private static boolean namedLikeTheModel(ModelFacts child, HubName name, List<Mention> mentions, Map<String, ModelFacts> pool) {
        List<String> creators = Creators.stated(child);
        return pool.values().stream().map(c -> PairScore.of(child, name, mentions, creators, c))
                .anyMatch(s -> !s.vetoed() && !s.quantization()
                        && (s.signals().contains(Signal.NAME_STEM) || s.signals().contains(Signal.NAME_WITH_AUTHOR)));
    }

    /** The stems to look up: the model's own, with an embedded author taken off, and (for a fine-tune) its shorter prefixes. */
    static List<String> stems(HubName name, ModelFacts child) {
        List<String> tokens = name.tokens();
        Set<String> stems = new LinkedHashSet<>();
        if (tokens.isEmpty()) {
            return List.of();
        }
        stems.add(name.stem());
        if (name.stemWithoutSize() != null) {
            stems.add(name.stemWithoutSize());
        }
        if (name.stemWithoutVersion() != null) {
            stems.add(name.stemWithoutVersion());
        }
        for (int k = 1; k <= 2 && tokens.size() > k; k++) {
            stems.add(String.join("-", tokens.subList(k, tokens.size())));
        }
        if (!name.formatted() && !child.taggedAsQuantization()) {
            // A fine-tune's name often extends its parent's: look the shorter names up.
            for (int j = tokens.size() - 1; j >= 2; j--) {
                stems.add(String.join("-", tokens.subList(0, j)));
            }
        }
        return List.copyOf(stems);
    }

    private static void add(Map<String, ModelFacts> pool, List<ModelFacts> found, ModelFacts child) {
        for (ModelFacts m : found) {
            if (m.key().equals(child.key()) || child.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(m.id()))) {
                continue;
            }
            pool.merge(m.key(), m, ModelFacts::merge);
        }
    }
}
