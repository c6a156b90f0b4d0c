package org.llmtracker.crawler.huggingface;

import java.time.Instant;
import java.util.List;

import org.llmtracker.graph.hub.HubCard;
import org.llmtracker.graph.hub.HubModel;

/**
 * One model as the Hub describes it, in a single-model answer or a list item. Null fields were
 * absent (a list item carries only what {@code expand[]} asked for).
 *
 * @param cardBaseModels {@code cardData.base_model}, a string or a list on the wire
 * @param cardRelation   {@code cardData.base_model_relation}
 * @param childCount     the sum of {@code childrenModelCount}; null when the answer did not say
 * @param cardNewVersion {@code cardData.new_version}: the model's newer release, if its card names one
 * @param card           the card fields kept for inference and licences; null when the answer carried no {@code cardData}
 * @param modelType      {@code config.model_type}; {@code ggufArchitecture}: {@code gguf.architecture}
 */
public record HubEntry(String id, String author, Long downloads, Long likes, String pipelineTag, String libraryName,
        Long parameters, String license, Instant createdAt, Instant lastModified, Boolean gated, List<String> tags,
        List<String> cardBaseModels, String cardRelation, Long childCount, String cardNewVersion, HubCard card,
        String modelType, String ggufArchitecture) {

    public HubEntry(String id, String author, Long downloads, Long likes, String pipelineTag, String libraryName,
            Long parameters, String license, Instant createdAt, Instant lastModified, Boolean gated, List<String> tags,
            List<String> cardBaseModels, String cardRelation, Long childCount, String cardNewVersion) {
        this(id, author, downloads, likes, pipelineTag, libraryName, parameters, license, createdAt, lastModified, gated, tags,
                cardBaseModels, cardRelation, childCount, cardNewVersion, null, null, null);
    }

    public HubEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
        cardBaseModels = cardBaseModels == null ? List.of() : List.copyOf(cardBaseModels);
    }

    public HubModel toModel() {
        return new HubModel(id, author, downloads, likes, pipelineTag, libraryName, parameters, license, createdAt,
                lastModified, gated, card, modelType, ggufArchitecture);
    }

    /** True when the Hub said how many children the model has and the answer is none. */
    public boolean knownLeaf() {
        return childCount != null && childCount == 0;
    }
}
