package org.llmtracker.crawler.inference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Hub for the {@code infer} job: single-model answers shaped like the recorded
 * {@code HuggingFaceH4/zephyr-7b-beta} body (with only {@code _id}, {@code id} and the
 * {@code expand[]} fields, as the Hub answers), search results as list items, and cards under
 * {@code /{id}/resolve/main/README.md}. Anything not scripted answers 404, and a search finds nothing.
 */
final class InferenceHub implements AutoCloseable {

    private static final List<String> KEPT = List.of("_id", "id", "config", "createdAt", "downloads", "gguf", "library_name",
            "safetensors", "tags");

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final JsonMapper json = JsonMapper.builder().build();
    private final ObjectNode template;

    InferenceHub() {
        server.start();
        template = (ObjectNode) json.readTree(resource("/huggingface/HuggingFaceH4__zephyr-7b-beta.json"));
        server.stubFor(get(urlPathEqualTo("/api/models")).atPriority(10).willReturn(ok("[]")));
        server.stubFor(get(urlPathMatching("/.*")).atPriority(20).willReturn(aResponse().withStatus(404)
                .withHeader("X-Error-Code", "RepoNotFound").withBody("{\"error\":\"Repository not found\"}")));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** A Hub model: its single-model answer. A GGUF repo carries {@code gguf}, others {@code config}. */
    InferenceHub model(String id, String createdAt, String modelType, Long parameters, boolean gguf, String... tags) {
        server.stubFor(get(urlPathEqualTo("/api/models/" + id)).willReturn(ok(json.writeValueAsString(body(id, createdAt, modelType,
                parameters, gguf, tags)))));
        return this;
    }

    /** What {@code GET /api/models?search=<text>} lists. */
    InferenceHub search(String text, ObjectNode... items) {
        ArrayNode list = json.createArrayNode();
        for (ObjectNode item : items) {
            list.add(item);
        }
        server.stubFor(get(urlPathEqualTo("/api/models")).withQueryParam("search", equalToIgnoreCase(text))
                .willReturn(ok(json.writeValueAsString(list))));
        return this;
    }

    InferenceHub card(String id, String text) {
        server.stubFor(get(urlPathEqualTo("/" + id + "/resolve/main/README.md"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8").withBody(text)));
        return this;
    }

    ObjectNode body(String id, String createdAt, String modelType, Long parameters, boolean gguf, String... tags) {
        ObjectNode body = template.deepCopy();
        body.put("_id", String.format("%024x", Math.abs((long) id.hashCode())));
        body.put("id", id);
        body.put("createdAt", createdAt);
        body.put("downloads", 1000);
        ArrayNode tagList = body.putArray("tags");
        for (String tag : tags) {
            tagList.add(tag);
        }
        ObjectNode config = body.putObject("config");
        if (gguf) {
            body.putObject("gguf").put("architecture", "mistral".equals(modelType) ? "llama" : modelType).put("total", parameters);
            body.remove("safetensors");
            body.put("library_name", "gguf");
        } else {
            config.putArray("architectures").add(modelType.substring(0, 1).toUpperCase(Locale.ROOT) + modelType.substring(1)
                    + "ForCausalLM");
            config.put("model_type", modelType);
            ObjectNode safetensors = body.putObject("safetensors");
            safetensors.putObject("parameters").put("BF16", parameters);
            safetensors.put("total", parameters);
        }
        body.retain(KEPT);
        return body;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    int requests() {
        return server.getAllServeEvents().size();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String resource(String name) {
        try (InputStream in = InferenceHub.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
