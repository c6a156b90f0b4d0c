package org.llmtracker.bench;

import java.util.List;

/**
 * What a store answered, reduced to what both stores must agree on: a number (a count, a
 * path length) and the ids in the order the question asks for.
 */
public record Answer(long count, List<String> ids) {

    public Answer {
        ids = List.copyOf(ids);
    }

    public static Answer of(long count) {
        return new Answer(count, List.of());
    }

    @Override
    public String toString() {
        return ids.isEmpty() ? Long.toString(count)
                : count + " " + (ids.size() > 3 ? ids.subList(0, 3) + "+" + (ids.size() - 3) : ids);
    }
}
