package org.llmtracker.crawler.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A base-model reference as written, before validation: relation and stages are still text so
 * that a typo becomes a message naming it instead of a parse failure.
 */
public record RawBaseModel(String id, String relation, List<String> stages) {

    public RawBaseModel {
        // Copied without List.copyOf: a null item is input to report, not to crash on.
        stages = stages == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(stages));
    }
}
