package org.llmtracker.graph.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The whole document checked against the graph's schema before anything is written, so a file
 * that would leave half a graph, a foreign label, a lineage cycle or a run that never ends is
 * refused with the line that breaks the rule. Holds per node only its index, its label and its
 * name; per {@code DERIVED_FROM} two ints and a line number.
 *
 * <ul>
 * <li>labels: one of the schema's, exactly one primary label (and the marks {@link #MODEL_MARKS} on a model only);</li>
 * <li>keys: every keyed label carries its key, a string, unique in the file, short enough for the index;</li>
 * <li>property names: identifiers as the model writes them (a letter, then letters, digits, '_', dotted
 *     parts as in {@code byRelation.FINETUNE});
 *     values: what the store holds (scalars, or lists of one scalar type);</li>
 * <li>relationships: the schema's types, between the labels the schema joins, to nodes the file holds;</li>
 * <li>no {@code DERIVED_FROM} cycle, no {@code RUNNING} crawl run (no instance would ever finish it).</li>
 * </ul>
 */
final class ImportCheck {

    /** The primary labels, each with its key (null: none). */
    static final Map<String, String> KEYS = Map.ofEntries(Map.entry("Model", "id"), Map.entry("Alias", "id"),
            Map.entry("Organisation", "key"), Map.entry("Repository", "fullName"), Map.entry("Release", "key"),
            Map.entry("Article", "url"), Map.entry("CrawlRun", "id"), Map.entry("Digest", "week"),
            Map.entry("SweepState", "name"), Map.entry("IndexState", "name"), Map.entry("Snapshot", ""));
    static final String FAMILY_ROOT = "FamilyRoot";
    /** Labels a model may carry beside its own: derived marks the writers keep (the family heads, the licence verdicts). */
    static final Set<String> MODEL_MARKS = Set.of(FAMILY_ROOT, "LicenseStale", "LicenseConflict");

    /** Relationship type -> the primary labels it joins, from -> to. */
    static final Map<String, List<Set<String>>> TYPES = Map.of(
            "DERIVED_FROM", ends(Set.of("Model"), Set.of("Model")),
            "NEW_VERSION_OF", ends(Set.of("Model"), Set.of("Model")),
            "ALIAS_OF", ends(Set.of("Alias"), Set.of("Model")),
            "PUBLISHED_BY", ends(Set.of("Model"), Set.of("Organisation")),
            "HOSTED_AT", ends(Set.of("Model"), Set.of("Repository")),
            "PUBLISHED", ends(Set.of("Repository"), Set.of("Release")),
            "HAD", ends(Set.of("Repository", "Model"), Set.of("Snapshot")),
            "DESCRIBED_IN", ends(Set.of("Model"), Set.of("Article")));

    /** Longest key or model name: Neo4j's index takes at most 8 kB a value, and UTF-8 takes up to 4 bytes a character. */
    static final int MAX_KEY_CHARS = 2_000;

    private static final Pattern PROPERTY = Pattern.compile("(?=.{1,100}$)[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*");

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> labelOf = new ArrayList<>();
    private final List<String> nameOf = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private int[] from = new int[1024];
    private int[] to = new int[1024];
    private long[] lineOf = new long[1024];
    private int derivations;

    private static List<Set<String>> ends(Set<String> from, Set<String> to) {
        return List.of(from, to);
    }

    /** A node line; returns its labels. */
    List<String> node(JsonNode line, String id, String where, Map<String, Object> properties) {
        JsonNode labelsNode = line.get("labels");
        if (labelsNode == null || !labelsNode.isArray() || labelsNode.isEmpty()) {
            throw new IllegalArgumentException(where + ": a node needs a list of labels");
        }
        List<String> labels = new ArrayList<>();
        String primary = null;
        for (JsonNode l : labelsNode) {
            if (!l.isString() || !(KEYS.containsKey(l.asString()) || MODEL_MARKS.contains(l.asString()))) {
                throw new IllegalArgumentException(where + ": label " + shown(l.toString()) + " is not one of the schema's "
                        + new java.util.TreeSet<>(KEYS.keySet()) + " or a model's marks " + new java.util.TreeSet<>(MODEL_MARKS));
            }
            if (KEYS.containsKey(l.asString())) {
                if (primary != null) {
                    throw new IllegalArgumentException(where + ": a node is one thing, not both " + primary + " and "
                            + l.asString());
                }
                primary = l.asString();
            }
            labels.add(l.asString());
        }
        if (primary == null || !"Model".equals(primary) && labels.stream().anyMatch(MODEL_MARKS::contains)) {
            throw new IllegalArgumentException(where + ": labels " + labels + " name no node of the schema");
        }
        if (labels.size() != new HashSet<>(labels).size()) {
            throw new IllegalArgumentException(where + ": a label repeated in " + labels);
        }
        properties(properties, where);
        String key = KEYS.get(primary);
        String name = id;
        if (!key.isEmpty()) {
            Object value = properties.get(key);
            if (!(value instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException(where + ": a " + primary + " without its key '" + key + "' (a string)");
            }
            if (text.length() > MAX_KEY_CHARS) {
                throw new IllegalArgumentException(where + ": the " + primary + " key '" + key + "' is " + text.length()
                        + " characters, more than the " + MAX_KEY_CHARS + " the store's index takes");
            }
            if (!keys.add(primary + '\u0000' + text)) {
                throw new IllegalArgumentException(where + ": a second " + primary + " with " + key + " " + shown(text));
            }
            name = primary + " " + shown(text);
        }
        if ("Model".equals(primary) && properties.get("name") instanceof String n && n.length() > MAX_KEY_CHARS) {
            throw new IllegalArgumentException(where + ": a model name of " + n.length() + " characters");
        }
        if ("CrawlRun".equals(primary) && "RUNNING".equals(properties.get("status"))) {
            throw new IllegalArgumentException(where + ": " + name + " is RUNNING; a restored run would never end (close "
                    + "it as ABORTED in the file, or leave it out)");
        }
        if (index.putIfAbsent(id, labelOf.size()) != null) {
            throw new IllegalArgumentException(where + ": node id " + shown(id) + " appears twice");
        }
        labelOf.add(primary);
        nameOf.add(name);
        return labels;
    }

    /** A relationship line. */
    void relationship(String type, String fromId, String toId, long line, Map<String, Object> properties) {
        String where = "line " + line;
        List<Set<String>> ends = TYPES.get(type);
        if (ends == null) {
            throw new IllegalArgumentException(where + ": relationship type " + shown(type) + " is not one of the schema's "
                    + new java.util.TreeSet<>(TYPES.keySet()));
        }
        Integer a = index.get(fromId);
        Integer b = index.get(toId);
        if (a == null || b == null) {
            throw new IllegalArgumentException(where + ": a " + type + " from " + shown(fromId) + " to " + shown(toId)
                    + " names a node the file does not hold (before this line)");
        }
        if (!ends.get(0).contains(labelOf.get(a)) || !ends.get(1).contains(labelOf.get(b))) {
            throw new IllegalArgumentException(where + ": " + type + " joins " + ends.get(0) + " to " + ends.get(1)
                    + ", not " + labelOf.get(a) + " to " + labelOf.get(b));
        }
        properties(properties, where);
        if ("DERIVED_FROM".equals(type)) {
            if (a.equals(b)) {
                throw new IllegalArgumentException(where + ": " + nameOf.get(a) + " derives from itself");
            }
            if (derivations == from.length) {
                from = Arrays.copyOf(from, derivations * 2);
                to = Arrays.copyOf(to, derivations * 2);
                lineOf = Arrays.copyOf(lineOf, derivations * 2);
            }
            from[derivations] = a;
            to[derivations] = b;
            lineOf[derivations++] = line;
        }
    }

    /** After the last line: refuses a {@code DERIVED_FROM} cycle, naming a line that closes one. */
    void finish() {
        int n = labelOf.size();
        int[] start = new int[n + 1];
        for (int i = 0; i < derivations; i++) {
            start[from[i] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] edge = new int[derivations];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < derivations; i++) {
            edge[fill[from[i]]++] = i;
        }
        // Iterative depth-first search: 0 unseen, 1 on the path, 2 done.
        byte[] state = new byte[n];
        int[] stack = new int[n];
        int[] next = new int[n];
        for (int root = 0; root < n; root++) {
            if (state[root] != 0) {
                continue;
            }
            int depth = 0;
            stack[0] = root;
            next[root] = start[root];
            state[root] = 1;
            while (depth >= 0) {
                int v = stack[depth];
                if (next[v] == start[v + 1]) {
                    state[v] = 2;
                    depth--;
                    continue;
                }
                int e = edge[next[v]++];
                int w = to[e];
                if (state[w] == 1) {
                    throw new IllegalArgumentException("line " + lineOf[e] + ": this DERIVED_FROM from " + nameOf.get(v)
                            + " to " + nameOf.get(w) + " closes a lineage cycle");
                }
                if (state[w] == 0) {
                    state[w] = 1;
                    next[w] = start[w];
                    stack[++depth] = w;
                }
            }
        }
    }

    private static void properties(Map<String, Object> properties, String where) {
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            if (!PROPERTY.matcher(p.getKey()).matches() || "importId".equals(p.getKey())) {
                throw new IllegalArgumentException(where + ": property name " + shown(p.getKey())
                        + " is not one the model writes (a letter, then letters, digits, '_', and '.' between parts:"
                        + " byRelation.FINETUNE)");
            }
            if (p.getValue() instanceof List<?> list && !list.isEmpty()) {
                Class<?> type = list.get(0).getClass();
                if (list.stream().anyMatch(v -> v instanceof List<?> || v.getClass() != type)) {
                    throw new IllegalArgumentException(where + ": property " + p.getKey()
                            + " is a list of mixed or nested values; the store holds lists of one kind of value");
                }
            }
        }
    }

    private static String shown(String text) {
        return text.length() > 80 ? "'" + text.substring(0, 80) + "...' (" + text.length() + " characters)" : "'" + text + "'";
    }
}
