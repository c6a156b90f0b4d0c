package org.llmtracker.crawler.huggingface.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hub JSON for fixture models, shaped like the recorded answers: single-model bodies start from
 * the recorded {@code HuggingFaceH4/zephyr-7b-beta} body, list items carry the fields the Hub's
 * list endpoint returns plus those named by {@code expand[]}.
 */
final class HubBodies {

    private static final List<String> LIST_DEFAULTS = List.of("_id", "id", "likes", "downloads", "tags", "pipeline_tag",
            "library_name", "createdAt");

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final ObjectNode template;
    private final FixtureFamily family;
    private final Map<String, ObjectNode> full = new ConcurrentHashMap<>();

    HubBodies(FixtureFamily family) {
        this.family = family;
        this.template = (ObjectNode) mapper.readTree(resource("/huggingface/HuggingFaceH4__zephyr-7b-beta.json"));
    }

    /** {@code GET /api/models/{id}}: the whole body, or with expand[] only {@code _id}, {@code id} and those fields. */
    String detail(FixtureModel model, Set<String> expand) {
        ObjectNode body = full(model);
        if (!expand.isEmpty()) {
            body.retain(keep(List.of("_id", "id"), expand));
        }
        return mapper.writeValueAsString(body);
    }

    /** One list item. */
    JsonNode item(FixtureModel model, Set<String> expand) {
        ObjectNode body = full(model);
        body.retain(keep(LIST_DEFAULTS, expand));
        return body;
    }

    String page(List<JsonNode> items) {
        return mapper.writeValueAsString(mapper.createArrayNode().addAll(items));
    }

    JsonNode raw(String json) {
        return mapper.readTree(json);
    }

    private ObjectNode full(FixtureModel model) {
        return full.computeIfAbsent(model.id(), id -> build(model)).deepCopy();
    }

    private ObjectNode build(FixtureModel model) {
        ObjectNode body = template.deepCopy();
        String id = model.id();
        body.put("_id", objectId(id));
        body.put("id", id);
        body.put("modelId", id);
        body.put("author", id.contains("/") ? id.substring(0, id.indexOf('/')) : id);
        body.put("downloads", model.downloads());
        body.put("likes", model.likes());
        body.put("sha", String.format("%040x", Math.abs((long) id.hashCode())));
        Instant created = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * Math.floorMod(id.hashCode(), 5000));
        body.put("createdAt", created.toString());
        body.put("lastModified", created.plusSeconds(86_400).toString());
        if (model.gated() instanceof String how) {
            body.put("gated", how);
        } else {
            body.put("gated", false);
        }
        body.set("tags", mapper.valueToTree(tags(model)));
        ObjectNode card = (ObjectNode) body.get("cardData");
        card.remove("base_model");
        if (model.cardBase() != null) {
            card.set("base_model", mapper.valueToTree(model.cardBase()));
        }
        if (model.cardRelation() != null) {
            card.put("base_model_relation", model.cardRelation());
        }
        card.remove("new_version");
        if (model.newVersion() != null) {
            card.put("new_version", model.newVersion());
        }
        body.set("childrenModelCount", mapper.valueToTree(childCounts(model)));
        return body;
    }

    private List<String> tags(FixtureModel model) {
        List<String> tags = new ArrayList<>(List.of("transformers", "safetensors", "mistral", "text-generation"));
        if (model.id().endsWith("-GGUF")) {
            tags.add("gguf");
        }
        model.tagParents().forEach((parent, relation) -> {
            tags.add("base_model:" + parent);
            if (relation != null) {
                tags.add("base_model:" + relation + ":" + parent);
            }
        });
        tags.addAll(List.of("license:mit", "autotrain_compatible", "endpoints_compatible", "region:us"));
        return tags;
    }

    private Map<String, Long> childCounts(FixtureModel model) {
        Map<String, Long> counts = new TreeMap<>();
        if (model.claimedChildren() != null) {
            counts.put("finetune", model.claimedChildren());
            return counts;
        }
        for (FixtureModel child : family.listedUnder(model.id())) {
            String relation = family.relationOf(child, model.id()).toLowerCase(Locale.ROOT);
            counts.merge("unknown".equals(relation) ? "finetune" : relation, 1L, Long::sum);
        }
        return counts;
    }

    private static List<String> keep(List<String> always, Set<String> expand) {
        List<String> fields = new ArrayList<>(always);
        fields.addAll(expand);
        return fields;
    }

    private static String objectId(String id) {
        return String.format("%024x", Math.abs((long) id.hashCode()) * 7919L);
    }

    static String resource(String path) {
        try (InputStream in = HubBodies.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
