package org.llmtracker.crawler.license;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.llmtracker.graph.license.LicenseBook;
import org.llmtracker.graph.license.LicenseTerms;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The licence book from YAML: the terms shipped in the jar ({@code licenses/licenses.yaml}) and,
 * when a file is named, the user's, read at start so no rebuild is needed. A user entry with a
 * shipped id replaces the fields it names and keeps the others; a new id adds a licence.
 */
public final class LicenseTermsYaml {

    static final String SHIPPED = "/licenses/licenses.yaml";

    private final YAMLMapper mapper = YAMLMapper.builder().build();

    /** The shipped terms, overridden by {@code overrides} (null or blank: none). */
    public LicenseBook load(Path overrides) {
        Map<String, ObjectNode> entries = new LinkedHashMap<>();
        try (InputStream in = LicenseTermsYaml.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the licence terms " + SHIPPED + " are missing from the jar");
            }
            read(mapper.readTree(in), SHIPPED, entries);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("cannot read the licence terms " + SHIPPED + ": " + e.getMessage(), e);
        }
        if (overrides != null && !overrides.toString().isBlank()) {
            try (InputStream in = Files.newInputStream(overrides)) {
                read(mapper.readTree(in), overrides.toString(), entries);
            } catch (IOException | JacksonException e) {
                throw new IllegalStateException("cannot read the licence terms in " + overrides + ": " + e.getMessage(), e);
            }
        }
        List<LicenseTerms> terms = new ArrayList<>();
        entries.forEach((id, node) -> terms.add(terms(node)));
        return new LicenseBook(terms);
    }

    private static void read(JsonNode root, String source, Map<String, ObjectNode> entries) {
        JsonNode list = root == null ? null : root.get("licenses");
        if (list == null || !list.isArray()) {
            throw new IllegalStateException(source + ": expected a list under 'licenses'");
        }
        int position = 0;
        for (JsonNode item : list.values()) {
            if (!item.isObject() || !item.path("id").isString() || item.path("id").asString().isBlank()) {
                throw new IllegalStateException(source + ": licence " + position + " has no 'id'");
            }
            String id = item.get("id").asString().trim().toLowerCase(Locale.ROOT);
            ObjectNode existing = entries.get(id);
            if (existing == null) {
                entries.put(id, ((ObjectNode) item).deepCopy());
            } else {
                existing.setAll((ObjectNode) item);
            }
            position++;
        }
    }

    private static LicenseTerms terms(JsonNode n) {
        return new LicenseTerms(n.get("id").asString().trim().toLowerCase(Locale.ROOT), text(n, "name"),
                text(n, "family"), flag(n, "restrictive", false), flag(n, "commercial", true),
                flag(n, "derivatives", true), flag(n, "shareAlike", false), text(n, "naming"), flag(n, "notice", true),
                flag(n, "catchAll", false), text(n, "link"), strings(n, "aliases"), strings(n, "links"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static boolean flag(JsonNode n, String field, boolean absent) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw new IllegalStateException("licence " + n.get("id").asString() + ": '" + field + "' must be true or false");
        }
        return v.asBoolean();
    }

    private static List<String> strings(JsonNode n, String field) {
        JsonNode v = n.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.values().forEach(x -> out.add(x.asString()));
        }
        return out;
    }
}
