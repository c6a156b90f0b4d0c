package org.llmtracker.graph.model;

import java.util.List;

/**
 * One page of a longer result, with the size of the whole.
 *
 * @param totalCapped the whole was not counted: more than {@code total} items match (a search
 *                    with very many matches)
 */
public record Page<T>(long total, List<T> items, boolean totalCapped) {

    public Page {
        items = List.copyOf(items);
    }

    public Page(long total, List<T> items) {
        this(total, items, false);
    }
}
