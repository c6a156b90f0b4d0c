package org.llmtracker.api.models;

import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.graph.model.ModelQueries;
import org.springframework.stereotype.Component;

/**
 * Turns a model path into the model's canonical id. Paths name a model either by a single
 * segment ({@code llama}) or by a Hugging Face {@code owner/name}; either may be an alias
 * and in any case.
 */
@Component
public class ModelIds {

    private final ModelQueries models;

    ModelIds(ModelQueries models) {
        this.models = models;
    }

    public String resolve(String id, String owner, String name) {
        String raw = owner != null && name != null ? owner + "/" + name : id;
        if (raw == null || raw.isBlank()) {
            throw new NotFoundException("No model id in the path");
        }
        return models.resolve(raw).orElseThrow(() -> NotFoundException.model(raw));
    }
}
