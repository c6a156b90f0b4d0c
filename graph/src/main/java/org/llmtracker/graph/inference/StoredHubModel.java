package org.llmtracker.graph.inference;

import java.time.Instant;
import java.util.List;

/**
 * What the graph holds of a Hub model for inference: enough to judge it as a candidate parent
 * without asking the Hub. {@code id} is the graph's key; {@code hfId} the Hub's spelling.
 *
 * @param publishers the names of the organisation that publishes it
 * @param cardCreator the card's {@code model_creator}, as the listing carried it (also {@code cardQuantizedBy},
 *                    {@code cardBaseMentions})
 * @param eligible   inference may give it a parent: not catalogued, not gone, declaring none
 * @param due        new or changed since inference last checked it
 */
public record StoredHubModel(String id, String hfId, List<String> aliases, Instant createdAt, String modelType,
        String ggufArchitecture, Long parameters, Long downloads, String libraryName, boolean catalogued, List<String> formatTags,
        Long likes, List<String> publishers, String cardCreator, String cardQuantizedBy, List<String> cardBaseMentions,
        boolean eligible, boolean due) {

    public StoredHubModel {
        aliases = aliases == null || aliases.isEmpty() ? List.of() : List.copyOf(aliases);
        formatTags = formatTags == null || formatTags.isEmpty() ? List.of() : List.copyOf(formatTags);
        publishers = publishers == null || publishers.isEmpty() ? List.of() : List.copyOf(publishers);
        cardBaseMentions = cardBaseMentions == null || cardBaseMentions.isEmpty() ? List.of() : List.copyOf(cardBaseMentions);
    }
}
