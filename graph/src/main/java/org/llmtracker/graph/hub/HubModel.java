package org.llmtracker.graph.hub;

import java.time.Instant;

/**
 * What the Hugging Face Hub says about one model. Null fields are unknown and leave the
 * stored value alone.
 *
 * @param hfId   the Hub id as the Hub spells it ({@code meta-llama/Llama-2-7b-hf})
 * @param author the owning user or organisation on the Hub
 * @param card   the card fields the answer carried ({@code cardData}); null when it carried none, which
 *               leaves the stored ones alone
 * @param modelType        {@code config.model_type}, when the answer carried {@code config}
 * @param ggufArchitecture {@code gguf.architecture}, when it carried {@code gguf}
 */
public record HubModel(String hfId, String author, Long downloads, Long likes, String pipelineTag,
        String libraryName, Long parameters, String license, Instant createdAt, Instant lastModified,
        Boolean gated, HubCard card, String modelType, String ggufArchitecture) {

    public HubModel(String hfId, String author, Long downloads, Long likes, String pipelineTag, String libraryName,
            Long parameters, String license, Instant createdAt, Instant lastModified, Boolean gated) {
        this(hfId, author, downloads, likes, pipelineTag, libraryName, parameters, license, createdAt, lastModified, gated,
                null, null, null);
    }

    public HubModel {
        if (hfId == null || hfId.isBlank()) {
            throw new IllegalArgumentException("a Hub model needs an id");
        }
    }
}
