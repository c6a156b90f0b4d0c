package org.llmtracker.graph.inference;

import java.util.List;

import org.llmtracker.graph.model.Relation;

/**
 * A parent inferred for a model that declares none: stored as a {@code DERIVED_FROM} whose
 * {@code sources} is {@code [inferred]}, with its {@code confidence} (0..1) and {@code evidence}.
 * Ids may be Hub ids or aliases in any case.
 */
public record InferredLink(String child, String parent, Relation relation, double confidence, List<String> evidence) {

    public InferredLink {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence out of 0..1 for " + child + ": " + confidence);
        }
        relation = relation == null ? Relation.UNKNOWN : relation;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
