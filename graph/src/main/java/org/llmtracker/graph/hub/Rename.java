package org.llmtracker.graph.hub;

/**
 * The Hub moved a model from {@code from} to {@code to} (a 307 on its API, or a model card that
 * still names the old id while the Hub's tags name the new one). The old id stays reachable as
 * an alias of the model.
 */
public record Rename(String from, String to) {

    public Rename {
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw new IllegalArgumentException("a rename needs both ids, got '" + from + "' -> '" + to + "'");
        }
    }
}
