package org.llmtracker.graph.catalog;

import java.util.List;

import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;

/** A catalogue entry's claim that it derives from another entry, with how and through which stages. */
public record BaseModelRef(String id, Relation relation, List<Stage> stages) {

    public BaseModelRef {
        relation = relation == null ? Relation.UNKNOWN : relation;
        stages = stages == null ? List.of() : List.copyOf(stages);
    }
}
