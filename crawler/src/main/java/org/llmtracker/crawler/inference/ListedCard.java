package org.llmtracker.crawler.inference;

import java.util.List;

/**
 * The few fields of a model card's front matter that the Hub's listing carries ({@code expand[]=cardData})
 * and inference uses, so that no card is read per model: who made the original ({@code model_creator},
 * a display name such as "Caldera AI"), who quantized it ({@code quantized_by}), and what else the front
 * matter names of the original ({@code model_name}, Hub links).
 */
public record ListedCard(String creator, String quantizedBy, List<String> baseMentions) {

    public ListedCard {
        baseMentions = baseMentions == null ? List.of() : List.copyOf(baseMentions);
    }

    /** True when the card says nothing inference can use. */
    public boolean empty() {
        return creator == null && quantizedBy == null && baseMentions.isEmpty();
    }
}
