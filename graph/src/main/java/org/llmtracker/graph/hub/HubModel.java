package org.llmtracker.graph.hub;

import java.time.Instant;

/**
 * What the Hugging Face Hub says about one model. Null fields are unknown and leave the
 * stored value alone.
 *
 * @param hfId   the Hub id as the Hub spells it ({@code meta-llama/Llama-2-7b-hf})
 * @param author the owning user or organisation on the Hub
 */
public record HubModel(String hfId, String author, Long downloads, Long likes, String pipelineTag,
        String libraryName, Long parameters, String license, Instant createdAt, Instant lastModified,
        Boolean gated) {

    public HubModel {
        if (hfId == null || hfId.isBlank()) {
            throw new IllegalArgumentException("a Hub model needs an id");
        }
    }
}
