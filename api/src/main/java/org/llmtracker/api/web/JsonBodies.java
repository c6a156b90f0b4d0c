package org.llmtracker.api.web;

import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON bodies read strictly: an unknown field is refused rather than dropped (a misspelt
 * {@code baseModel} must not silently store an entry without its lineage), and every failure
 * becomes a 400 that says what is wrong in the body's own terms, never a parser's class name.
 */
public final class JsonBodies {

    private final JsonMapper strict;

    public JsonBodies(JsonMapper mapper) {
        this.strict = mapper.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public <T> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw new BadParameterException("body", "the body must be a JSON object");
        }
        try {
            return strict.treeToValue(body, type);
        } catch (JacksonException e) {
            throw new BadParameterException("body", describe(e));
        }
    }

    /** What is wrong with a body, in words a client can act on. */
    static String describe(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? ""
                    : "; the fields are " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", "));
            return "unknown field '" + cut(unknown.getPropertyName()) + "'" + known;
        }
        if (e instanceof StreamConstraintsException) {
            return "the body is nested too deeply or holds a value too long";
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return "field '" + cut(field) + "' has the wrong type";
        }
        var location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? "the body is not valid JSON"
                : "the body is not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String cut(String text) {
        return text == null || text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
}
