package org.llmtracker.crawler.inference;

import java.util.List;
import java.util.Set;

import org.llmtracker.graph.model.Relation;

/**
 * A parent inferred for a model that declares none.
 *
 * @param confidence how sure, 0..1: the best candidate's probability, lowered when another candidate comes close
 * @param evidence   short reasons a human can check, strongest first
 * @param signals    which kinds of evidence spoke for the parent (for measuring each one's precision)
 * @param ambiguous  a close call: the best and the runner-up together are likely enough, but neither alone; or
 *                   {@code unattributed}
 * @param unattributed same-named candidates, and the card's creator is none of their owners' (a creator alias
 *                   learned later in the run may settle it: {@link CreatorAliases})
 */
public record Inference(String child, String parent, Relation relation, double confidence, List<String> evidence,
        Set<Signal> signals, boolean ambiguous, boolean unattributed) {

    public Inference(String child, String parent, Relation relation, double confidence, List<String> evidence, Set<Signal> signals) {
        this(child, parent, relation, confidence, evidence, signals, false, false);
    }

    public Inference {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence out of 0..1: " + confidence);
        }
        evidence = List.copyOf(evidence);
        signals = Set.copyOf(signals);
    }

    /** The kinds of evidence. */
    public enum Signal {
        /** The card says the model is a quantisation or conversion of the parent, and names it. */
        CARD_QUANTIZED,
        /** The card says the model was trained from the parent, and names it. */
        CARD_FINETUNE,
        /** The card links the parent with no phrase saying why. */
        CARD_LINK,
        /** The name, format marks aside, is the parent's name, with the parent's owner written in. */
        NAME_WITH_AUTHOR,
        /** The name, format marks aside, is the parent's name. */
        NAME_STEM,
        /** The name starts with the parent's whole name and adds words (a fine-tune's habit). */
        NAME_PREFIX,
        /** The parent was uploaded first. */
        OLDER,
        /** The card's creator is the parent's owner. */
        CREATOR,
        /** The parent is clearly more downloaded and liked than the other candidates with its name. */
        POPULARITY,
        /** Same architecture. */
        ARCHITECTURE,
        /** The parameter counts, or the name's size and the parent's count, agree. */
        SIZE
    }
}
