package org.llmtracker.graph.hub;

import java.util.List;

import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;

/**
 * A claim that {@code child} derives from {@code parent}, and who makes it
 * ({@code hf-card}, {@code hf-tag}, {@code readme}; the catalogue writes its own).
 * Ids may be catalogue ids, Hub ids or aliases in any case.
 */
public record Derivation(String child, String parent, Relation relation, List<Stage> stages, String source) {

    public Derivation {
        relation = relation == null ? Relation.UNKNOWN : relation;
        stages = stages == null ? List.of() : List.copyOf(stages);
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a derivation needs a source");
        }
    }
}
