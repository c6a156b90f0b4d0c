package org.llmtracker.crawler.sweep.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Listing items kept as test resources (see {@code huggingface/SOURCE.md}), as {@link ListedModel}s. */
public final class RecordedListing {

    /** The Llama line: Llama 2 and 3 bases and derivatives of each. */
    public static final String LLAMA_LINE = "/huggingface/listing/llama-line.json";

    private RecordedListing() {
    }

    public static List<ListedModel> read(String resource) {
        try (InputStream in = RecordedListing.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<ListedModel> models = new ArrayList<>();
            for (JsonNode item : JsonMapper.builder().build().readTree(in).values()) {
                List<String> tags = new ArrayList<>();
                item.get("tags").values().forEach(t -> tags.add(t.asString()));
                JsonNode gated = item.get("gated");
                models.add(new ListedModel(item.get("_id").asString(), item.get("id").asString(),
                        item.get("author").asString(), Instant.parse(item.get("createdAt").asString()),
                        Instant.parse(item.get("lastModified").asString()), item.get("downloads").asLong(),
                        item.get("likes").asLong(), item.get("pipeline_tag").asString(), item.get("library_name").asString(),
                        tags, gated.isBoolean() ? String.valueOf(gated.asBoolean()) : gated.asString()));
            }
            return models;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
