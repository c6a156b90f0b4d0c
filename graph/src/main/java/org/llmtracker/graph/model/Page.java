package org.llmtracker.graph.model;

import java.util.List;

/**
 * One page of a longer result, with the size of the whole.
 *
 * @param exact false when {@code total} is only a lower bound (a search matching more models than it counts)
 */
public record Page<T>(long total, List<T> items, boolean exact) {

    public Page {
        items = List.copyOf(items);
    }

    public Page(long total, List<T> items) {
        this(total, items, true);
    }
}
