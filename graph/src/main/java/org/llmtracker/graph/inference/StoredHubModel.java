package org.llmtracker.graph.inference;

import java.time.Instant;
import java.util.List;

/**
 * What the graph holds of a Hub model for inference: enough to judge it as a candidate parent
 * without asking the Hub. {@code id} is the graph's key; {@code hfId} the Hub's spelling.
 */
public record StoredHubModel(String id, String hfId, List<String> aliases, Instant createdAt, String modelType,
        String ggufArchitecture, Long parameters, Long downloads, String libraryName, boolean catalogued, List<String> formatTags) {

    public StoredHubModel {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        formatTags = formatTags == null ? List.of() : List.copyOf(formatTags);
    }
}
