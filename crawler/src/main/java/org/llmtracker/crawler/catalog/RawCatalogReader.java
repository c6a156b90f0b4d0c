package org.llmtracker.crawler.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * Reads a parsed catalogue document into {@link RawEntry} values, field by field, so that every
 * unknown field and every value of the wrong type is reported (data binding would stop at the first).
 */
final class RawCatalogReader {

    static final List<String> ENTRY_FIELDS = List.of("id", "name", "kind", "organisation", "region", "parameters",
            "openSource", "releasedAt", "license", "description", "githubRepositories", "huggingfaceIds",
            "baseModels", "links", "newVersionOf");
    private static final List<String> BASE_FIELDS = List.of("id", "relation", "stages");

    record Result(List<RawEntry> entries, List<CatalogProblem> problems) {
    }

    private final List<CatalogProblem> problems = new ArrayList<>();
    private String label;

    private RawCatalogReader() {
    }

    /** @param root the document, or null when it is empty */
    static Result read(JsonNode root) {
        RawCatalogReader reader = new RawCatalogReader();
        List<RawEntry> entries = reader.document(root);
        return new Result(entries, reader.problems);
    }

    private List<RawEntry> document(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add(CatalogProblem.ofDocument("the document is empty; expected a top-level 'entries:' list"));
            return List.of();
        }
        if (!root.isObject() || !root.has("entries")) {
            problems.add(CatalogProblem.ofDocument("expected a top-level 'entries:' list"));
            return List.of();
        }
        for (String field : root.propertyNames()) {
            if (!field.equals("entries")) {
                problems.add(new CatalogProblem(null, field, "unknown top-level field; the catalogue has only 'entries'"));
            }
        }
        JsonNode items = root.get("entries");
        if (items.isNull()) {
            return List.of();
        }
        if (!items.isArray()) {
            problems.add(CatalogProblem.ofDocument("'entries' must be a list of entries, not " + describe(items)));
            return List.of();
        }
        List<RawEntry> entries = new ArrayList<>();
        for (JsonNode item : items.values()) {
            entries.add(entry(item, entries.size() + 1));
        }
        return entries;
    }

    private RawEntry entry(JsonNode node, int position) {
        // Labelled as the validator will label it, so problems from both passes name the entry alike.
        JsonNode id = node.isObject() ? node.get("id") : null;
        String idText = id != null && (id.isString() || id.isIntegralNumber()) ? id.asString().trim() : "";
        label = idText.isEmpty() ? "#" + position : idText;
        if (!node.isObject()) {
            problems.add(new CatalogProblem(label, null, "must be a mapping of fields, not " + describe(node)));
            return new RawEntry(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        unknownFields(node, ENTRY_FIELDS, "");
        return new RawEntry(text(node, "id", ""), text(node, "name", ""), text(node, "kind", ""),
                text(node, "organisation", ""), text(node, "region", ""), text(node, "parameters", ""),
                bool(node, "openSource"), text(node, "releasedAt", ""), text(node, "license", ""),
                text(node, "description", ""), texts(node, "githubRepositories", ""),
                texts(node, "huggingfaceIds", ""), baseModels(node.get("baseModels")), texts(node, "links", ""),
                text(node, "newVersionOf", ""));
    }

    private List<RawBaseModel> baseModels(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            problem("baseModels", "must be a list of {id, relation, stages}, not " + describe(node));
            return null;
        }
        List<RawBaseModel> bases = new ArrayList<>();
        for (JsonNode item : node.values()) {
            String prefix = "baseModels[" + bases.size() + "].";
            if (!item.isObject()) {
                problem(prefix.substring(0, prefix.length() - 1), "must be a mapping with id, relation and stages, not "
                        + describe(item));
                bases.add(null);
                continue;
            }
            unknownFields(item, BASE_FIELDS, prefix);
            bases.add(new RawBaseModel(text(item, "id", prefix), text(item, "relation", prefix),
                    texts(item, "stages", prefix)));
        }
        return bases;
    }

    private void unknownFields(JsonNode node, List<String> known, String prefix) {
        for (String field : node.propertyNames()) {
            if (!known.contains(field)) {
                String hint = Suggestions.didYouMean(field, known);
                problem(prefix + field, "unknown field" + (hint.isEmpty() ? "; known fields are " + String.join(", ", known)
                        : hint));
            }
        }
    }

    private String text(JsonNode parent, String field, String prefix) {
        return scalarText(parent.get(field), prefix + field);
    }

    private String scalarText(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        // An unquoted year (releasedAt: 2023) is a YAML number; its text is unambiguous.
        if (node.isIntegralNumber()) {
            return node.asString();
        }
        problem(field, "must be text, not " + describe(node) + (node.isContainer() ? "" : "; put it in quotes"));
        return null;
    }

    private Boolean bool(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.isString() ? node.stringValue().trim().toLowerCase(Locale.ROOT) : "";
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        problem(field, "must be true or false, not " + describe(node));
        return null;
    }

    private List<String> texts(JsonNode parent, String field, String prefix) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            problem(prefix + field, "must be a list (write [value] for one item), not " + describe(node));
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node.values()) {
            values.add(scalarText(item, prefix + field + "[" + values.size() + "]"));
        }
        return values;
    }

    private void problem(String field, String message) {
        problems.add(new CatalogProblem(label, field, message));
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return "'" + node.asString() + "'";
    }
}
