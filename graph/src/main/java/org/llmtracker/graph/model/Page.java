package org.llmtracker.graph.model;

import java.util.List;

/** One page of a longer result, with the size of the whole. */
public record Page<T>(long total, List<T> items) {

    public Page {
        items = List.copyOf(items);
    }
}
