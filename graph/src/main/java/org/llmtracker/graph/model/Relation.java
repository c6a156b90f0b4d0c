package org.llmtracker.graph.model;

import org.llmtracker.graph.naming.EnumNames;

import java.util.Optional;

/** How a model was made from its parent: the {@code relation} of a {@code DERIVED_FROM} edge. */
public enum Relation {
    FINETUNE,
    ADAPTER,
    QUANTIZED,
    MERGE,
    CONTINUED_PRETRAINING,
    UNKNOWN;

    /** Parses a relation name in any case ("finetune", "FINETUNE"); empty when it names none. */
    public static Optional<Relation> parse(String name) {
        return EnumNames.parse(Relation.class, name);
    }
}
