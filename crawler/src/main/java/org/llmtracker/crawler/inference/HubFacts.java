package org.llmtracker.crawler.inference;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.llmtracker.crawler.huggingface.HubException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what inference needs from the Hub's model JSON: {@code config.model_type},
 * {@code config.architectures}, {@code gguf.architecture} and {@code gguf.total},
 * {@code safetensors.total}, tags, library, created-at and downloads.
 */
final class HubFacts {

    /** The {@code expand[]} fields a model answer or a search result needs to carry. */
    static final List<String> EXPAND = List.of("cardData", "config", "createdAt", "downloads", "gguf", "library_name", "likes",
            "safetensors", "tags");

    private final JsonMapper mapper = JsonMapper.builder().build();

    ModelFacts model(String body, String where) {
        return facts(tree(body, where), where);
    }

    List<ModelFacts> list(String body, String where) {
        JsonNode root = tree(body, where);
        if (!root.isArray()) {
            throw new HubException("malformed search answer from " + where + ": expected a JSON array");
        }
        List<ModelFacts> found = new ArrayList<>();
        for (JsonNode item : root.values()) {
            if (item.path("id").isString()) {
                found.add(facts(item, where));
            }
        }
        return found;
    }

    private JsonNode tree(String body, String where) {
        try {
            return mapper.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new HubException("malformed JSON from " + where + ": " + e.getOriginalMessage());
        }
    }

    private static ModelFacts facts(JsonNode node, String where) {
        String id = text(node.get("id"));
        if (id == null) {
            throw new HubException("malformed model from " + where + ": no id");
        }
        JsonNode config = node.path("config");
        JsonNode gguf = node.path("gguf");
        Long safetensors = number(node.path("safetensors").get("total"));
        List<String> architectures = new ArrayList<>();
        config.path("architectures").values().forEach(a -> {
            if (a.isString()) {
                architectures.add(a.asString());
            }
        });
        List<String> tags = new ArrayList<>();
        node.path("tags").values().forEach(t -> {
            if (t.isString()) {
                tags.add(t.asString());
            }
        });
        JsonNode card = node.path("cardData");
        ListedCard listed = card.isObject() ? new ListedCard(text(card.get("model_creator")), text(card.get("quantized_by")),
                text(card.get("model_name")) == null ? List.of() : List.of(text(card.get("model_name")))) : null;
        return new ModelFacts(id, List.of(), instant(node.get("createdAt")), text(config.get("model_type")), architectures,
                text(gguf.get("architecture")), safetensors != null ? safetensors : number(gguf.get("total")), tags,
                text(node.get("library_name")), number(node.get("downloads")), null, false, number(node.get("likes")), List.of(),
                listed == null || listed.empty() ? null : listed);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString().trim() : null;
    }

    private static Long number(JsonNode node) {
        return node != null && node.isNumber() ? node.asLong() : null;
    }

    private static Instant instant(JsonNode node) {
        String t = text(node);
        try {
            return t == null ? null : Instant.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
