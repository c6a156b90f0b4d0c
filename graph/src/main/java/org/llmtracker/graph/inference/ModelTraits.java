package org.llmtracker.graph.inference;

import java.util.List;

/**
 * What inference learns of a model from the Hub and keeps, so the next run judges it the same way
 * without asking again: {@code config.model_type}, {@code gguf.architecture}, the parameter count, and
 * the Hub tags that mark quantised or converted weights.
 */
public record ModelTraits(String id, String modelType, String ggufArchitecture, Long parameters, List<String> formatTags) {

    public ModelTraits {
        formatTags = formatTags == null ? List.of() : List.copyOf(formatTags);
    }
}
