package org.llmtracker.graph.hub;

import java.util.List;

/**
 * The few fields of a model card's front matter the graph keeps from the Hub's listing
 * ({@code expand[]=cardData}), for inference and the licence check, so that no card is read per
 * model: {@code model_creator} (a display name: "Caldera AI"), {@code quantized_by}, what the
 * front matter names of the original ({@code model_name}, Hub links), and {@code license_name} /
 * {@code license_link} (an "other" licence's name and text). Stored as {@code cardCreator},
 * {@code cardQuantizedBy}, {@code cardBaseMentions}, {@code cardLicenseName}, {@code cardLicenseLink}.
 */
public record HubCard(String creator, String quantizedBy, List<String> baseMentions, String licenseName, String licenseLink) {

    public HubCard {
        baseMentions = baseMentions == null ? List.of() : List.copyOf(baseMentions);
    }
}
