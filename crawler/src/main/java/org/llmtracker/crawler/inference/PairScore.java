package org.llmtracker.crawler.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.llmtracker.crawler.inference.CardMentions.Kind;
import org.llmtracker.crawler.inference.CardMentions.Mention;
import org.llmtracker.crawler.inference.Inference.Signal;

/**
 * How strongly one candidate is the parent of one model, as log-odds with the reasons. The
 * weights are in {@link Weights}; this class only decides which apply.
 *
 * @param identity the first signal that names the candidate (null: nothing does, and it is no candidate)
 * @param vetoed   a prior rules it out (uploaded after the model)
 */
record PairScore(ModelFacts candidate, Signal identity, double logit, List<String> evidence, Set<Signal> signals,
        boolean vetoed, boolean quantization, boolean contradicted) {

    /** Everything about the candidate but how it compares with the other candidates. */
    static PairScore of(ModelFacts child, HubName childName, List<Mention> mentions, ModelFacts candidate) {
        return of(child, childName, mentions, Creators.stated(child), candidate);
    }

    /** The same, with the creators the model's card states ({@link Creators#stated}), worked out once per model. */
    static PairScore of(ModelFacts child, HubName childName, List<Mention> mentions, List<String> creators, ModelFacts candidate) {
        List<String> evidence = new ArrayList<>();
        Set<Signal> signals = EnumSet.noneOf(Signal.class);
        double identity = identity(child, childName, mentions, candidate, evidence, signals);
        if (signals.isEmpty()) {
            return new PairScore(candidate, null, Double.NEGATIVE_INFINITY, List.of(), Set.of(), true, false, true);
        }
        Signal strongest = signals.iterator().next();
        double logit = Weights.BASE + identity;
        boolean vetoed = false;
        boolean contradicted = false;

        if (child.createdAt() != null && candidate.createdAt() != null) {
            long days = Duration.between(candidate.createdAt(), child.createdAt()).toDays();
            if (candidate.createdAt().isBefore(child.createdAt())) {
                logit += Weights.OLDER;
                signals.add(Signal.OLDER);
                evidence.add(days == 0 ? "older by hours" : "older by " + days + (days == 1 ? " day" : " days"));
            } else {
                vetoed = true;
                evidence.add("uploaded " + (-days) + " days after the model");
            }
        } else {
            logit += Weights.AGE_UNKNOWN;
        }

        HubName candidateName = candidate.name();
        boolean quantization = candidateName.quantized() || candidate.taggedAsQuantization();
        boolean childQuantized = childName.formatted() || child.taggedAsQuantization();
        if (quantization && !childQuantized && (signals.contains(Signal.NAME_STEM) || signals.contains(Signal.NAME_WITH_AUTHOR)
                || signals.contains(Signal.CARD_QUANTIZED))) {
            vetoed = true;
            evidence.add("a quantization of this model, not its parent");
        } else if (quantization) {
            logit += Weights.PARENT_IS_QUANTIZATION;
            evidence.add("itself a quantization" + (candidateName.formatted() ? " (" + String.join(", ", candidateName.formats()) + ")" : "")
                    + ": weak parent");
        }

        switch (Creators.match(creators, candidate)) {
            case EXACT -> {
                logit += Weights.CREATOR;
                signals.add(Signal.CREATOR);
                evidence.add("card's creator \"" + String.join("\", \"", creators) + "\" = owner " + owner(candidate));
            }
            case CLOSE -> {
                logit += Weights.CREATOR_CLOSE;
                signals.add(Signal.CREATOR);
                evidence.add("card's creator \"" + String.join("\", \"", creators) + "\" ~ owner " + owner(candidate));
            }
            case NONE -> { }
        }

        switch (Architectures.compare(child, candidate)) {
            case SAME -> {
                logit += Weights.SAME_ARCHITECTURE;
                signals.add(Signal.ARCHITECTURE);
                evidence.add("same architecture (" + Architectures.label(candidate) + ")");
            }
            case DIFFERENT -> {
                logit += Weights.OTHER_ARCHITECTURE;
                contradicted = true;
                evidence.add("architecture differs (" + Architectures.label(child) + " vs " + Architectures.label(candidate) + ")");
            }
            case UNKNOWN -> { }
        }

        switch (Sizes.compare(child, childName, candidate, quantization)) {
            case AGREE -> {
                logit += Weights.SAME_SIZE;
                signals.add(Signal.SIZE);
                evidence.add("size agrees (" + Sizes.describe(child, childName, candidate) + ")");
            }
            case DIFFER -> {
                logit += Weights.OTHER_SIZE;
                contradicted = true;
                evidence.add("size differs (" + Sizes.describe(child, childName, candidate) + ")");
            }
            case UNKNOWN -> { }
        }
        return new PairScore(candidate, strongest, logit, evidence, signals, vetoed, quantization, contradicted);
    }

    /** The identity signals that name the candidate, strongest first; returns their weight. */
    private static double identity(ModelFacts child, HubName childName, List<Mention> mentions, ModelFacts candidate,
            List<String> evidence, Set<Signal> signals) {
        List<Double> weights = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        ids.add(candidate.id());
        ids.addAll(candidate.aliases());
        boolean childQuantized = childName.formatted() || child.taggedAsQuantization();

        for (Mention mention : mentions) {
            boolean byId = mention.id() != null && ids.stream().anyMatch(id -> id.equalsIgnoreCase(mention.id()));
            boolean byName = mention.id() == null && ids.stream()
                    .anyMatch(id -> HubName.parse(id).stem().equals(HubName.parse(mention.name()).stem()));
            if (!byId && !byName) {
                continue;
            }
            Signal signal = switch (mention.kind()) {
                case QUANTIZED_PHRASE -> Signal.CARD_QUANTIZED;
                case FINETUNE_PHRASE -> Signal.CARD_FINETUNE;
                case LINK -> Signal.CARD_LINK;
                case MODEL_NAME -> Signal.NAME_STEM;
            };
            if (signals.add(signal)) {
                double w = switch (mention.kind()) {
                    case QUANTIZED_PHRASE -> byId ? Weights.CARD_QUANTIZED_ID : Weights.CARD_PHRASE_NAME;
                    case FINETUNE_PHRASE -> byId ? Weights.CARD_FINETUNE_ID : Weights.CARD_PHRASE_NAME;
                    case LINK -> Weights.CARD_LINK;
                    case MODEL_NAME -> Weights.NAME_STEM;
                };
                weights.add(w);
                evidence.add("card: \"" + mention.snippet() + "\"");
            }
        }

        for (String id : ids) {
            HubName name = HubName.parse(id);
            String shown = id.equalsIgnoreCase(candidate.id()) ? candidate.id() : candidate.id() + " (as " + id + ")";
            if (name.tokens().isEmpty()) {
                continue;
            }
            if (childName.stemsAfterAuthor(name).contains(name.stem()) && signals.add(Signal.NAME_WITH_AUTHOR)) {
                weights.add(Weights.NAME_WITH_AUTHOR);
                evidence.add("name \"" + childName.core() + "\" = author \"" + name.owner() + "\" + name stem \""
                        + name.core() + "\" of " + shown);
            } else if (childName.stem().equals(name.stem()) && signals.add(Signal.NAME_STEM)) {
                weights.add(Weights.NAME_STEM);
                evidence.add("name stem \"" + childName.core() + "\" = " + shown);
            } else if (name.ownStems().contains(childName.stem()) && signals.add(Signal.NAME_STEM)) {
                weights.add(Weights.NAME_STEM);
                evidence.add("name stem \"" + childName.core() + "\" = " + shown + " without its vendor's prefix");
            } else if (sizeAdded(childName, name) && signals.add(Signal.NAME_STEM)) {
                weights.add(Weights.NAME_STEM_SIZE_ADDED);
                evidence.add("name stem \"" + childName.core() + "\" = " + shown + ", size added or left out");
            } else if (childName.stemWithoutVersion() != null && name.stemWithoutVersion() == null
                    && childName.stemWithoutVersion().equals(name.stem()) && signals.add(Signal.NAME_STEM)) {
                weights.add(Weights.NAME_STEM_VERSION_ADDED);
                evidence.add("name stem \"" + childName.core() + "\" = " + shown + " and a version");
            } else if (!childQuantized && extends_(childName, name) && signals.add(Signal.NAME_PREFIX)) {
                weights.add(Weights.NAME_PREFIX);
                evidence.add("name \"" + childName.core() + "\" extends \"" + name.core() + "\" of " + shown);
            }
        }
        weights.sort((a, b) -> Double.compare(b, a));
        double total = 0;
        for (int i = 0; i < weights.size(); i++) {
            total += i == 0 ? weights.get(i) : weights.get(i) * Weights.FURTHER_IDENTITY;
        }
        return total;
    }

    /** One name is the other with a size token: TheBloke's {@code StableBeluga2-70B} for {@code stabilityai/StableBeluga2}. */
    private static boolean sizeAdded(HubName child, HubName candidate) {
        return (candidate.sizeToken() == null && candidate.stem().equals(child.stemWithoutSize()))
                || (child.sizeToken() == null && child.stem().equals(candidate.stemWithoutSize()));
    }

    /** The child's stem is the candidate's plus words: "zephyr-7b-beta-dpo" extends "zephyr-7b-beta". */
    private static boolean extends_(HubName child, HubName candidate) {
        List<String> c = candidate.tokens();
        List<String> t = child.tokens();
        return c.size() >= 2 && t.size() > c.size() && t.subList(0, c.size()).equals(c)
                && (candidate.sizeToken() != null || c.size() >= 3);
    }

    private static String owner(ModelFacts m) {
        return m.id().contains("/") ? m.id().substring(0, m.id().indexOf('/')) : m.id();
    }

    String id() {
        return candidate.id();
    }

    String key() {
        return candidate.id().toLowerCase(Locale.ROOT);
    }
}
