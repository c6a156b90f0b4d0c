package org.llmtracker.crawler.huggingface;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.llmtracker.graph.naming.HubIds;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the Hub's model JSON. Lenient where the Hub is loose (a base model as a string or a
 * list, {@code gated} as false or "manual"/"auto", missing figures) and strict where a wrong
 * guess would corrupt the graph: an item without a valid id is rejected.
 */
final class HubJson {

    /** The longest pipeline tag, library name or licence kept: real ones are a few dozen characters. */
    static final int MAX_LABEL = 200;

    private final JsonMapper mapper = JsonMapper.builder().build();

    HubEntry model(String body, String where) throws HubException {
        return entry(tree(body, where), where);
    }

    /** The items of a list page; a malformed item is reported to {@code rejected} and skipped. */
    List<HubEntry> page(String body, String where, List<String> rejected) throws HubException {
        JsonNode root = tree(body, where);
        if (!root.isArray()) {
            throw new HubException("malformed list page from " + where + ": expected a JSON array");
        }
        List<HubEntry> entries = new ArrayList<>();
        int position = 0;
        for (JsonNode item : root.values()) {
            try {
                entries.add(entry(item, where + " item " + position));
            } catch (HubException e) {
                rejected.add(e.getMessage());
            }
            position++;
        }
        return entries;
    }

    private JsonNode tree(String body, String where) throws HubException {
        try {
            return mapper.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new HubException("malformed JSON from " + where + ": " + e.getOriginalMessage());
        }
    }

    static HubEntry entry(JsonNode node, String where) throws HubException {
        try {
            return read(node, where);
        } catch (JacksonException e) {
            throw new HubException("malformed model from " + where + ": " + e.getOriginalMessage());
        }
    }

    private static HubEntry read(JsonNode node, String where) throws HubException {
        if (node == null || !node.isObject()) {
            throw new HubException("malformed model from " + where + ": not a JSON object");
        }
        String id = string(node.get("id"));
        if (!HubIds.valid(id)) {
            throw new HubException("malformed model from " + where + ": no valid 'id' (" + LinkHeader.quoted(String.valueOf(node.get("id"))) + ")");
        }
        JsonNode card = node.path("cardData");
        List<String> tags = strings(node.get("tags"));
        String author = string(node.get("author"));
        if (author != null && !HubIds.validOwner(author)) {
            author = null; // an author no id could carry would become an organisation key the store cannot index
        }
        if (author == null && id.contains("/")) {
            author = id.substring(0, id.indexOf('/'));
        }
        String license = label(card.get("license"));
        if (license == null) {
            license = tags.stream().filter(t -> t.startsWith("license:")).map(t -> t.substring(8)).findFirst().orElse(null);
        }
        Long parameters = number(node.path("safetensors").get("total"));
        return new HubEntry(id, author, number(node.get("downloads")), number(node.get("likes")),
                label(node.get("pipeline_tag")), label(node.get("library_name")),
                parameters != null ? parameters : number(node.path("gguf").get("total")), license,
                instant(node.get("createdAt")), instant(node.get("lastModified")), gated(node.get("gated")), tags,
                strings(card.get("base_model")), string(card.get("base_model_relation")),
                childCount(node.get("childrenModelCount")), newVersion(card.get("new_version")),
                card.isObject() ? CardFields.read(card) : null, string(node.path("config").get("model_type")),
                string(node.path("gguf").get("architecture")));
    }

    /** A short label (a pipeline, a library, a licence); anything longer than any real one is no value. */
    private static String label(JsonNode node) {
        String text = string(node);
        return text == null || text.length() > MAX_LABEL ? null : text;
    }

    /** A card's {@code new_version}: a Hub id, else nothing (a card may hold any YAML there). */
    private static String newVersion(JsonNode node) {
        String id = string(node);
        return HubIds.valid(id) ? id : null;
    }

    private static Boolean gated(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.isString() ? !"false".equalsIgnoreCase(node.asString()) : null;
    }

    private static Long childCount(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return number(node);
        }
        if (!node.isObject()) {
            return null;
        }
        long total = 0;
        for (JsonNode n : node.values()) {
            Long count = n.isIntegralNumber() ? number(n) : null;
            if (count != null && count > 0) {
                total = total > Long.MAX_VALUE - count ? Long.MAX_VALUE : total + count;
            }
        }
        return total;
    }

    static String string(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString().trim() : null;
    }

    /** A number as a long, saturated: a figure beyond 64 bits is clamped, never thrown. */
    static Long number(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        if (node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return (long) node.doubleValue(); // a narrowing cast saturates
    }

    private static Instant instant(JsonNode node) {
        String text = string(node);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A string, or the strings of a list; anything else is no value. */
    static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isString()) {
            return string(node) == null ? List.of() : List.of(string(node));
        }
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node.values()) {
                String value = string(item);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
