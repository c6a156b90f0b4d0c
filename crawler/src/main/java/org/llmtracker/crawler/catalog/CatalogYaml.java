package org.llmtracker.crawler.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.llmtracker.graph.catalog.BaseModelRef;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.model.Stage;

/**
 * Writes entries as catalogue YAML in the layout of the shipped {@code catalog.yaml}: fields in one
 * fixed order, absent values and empty lists left out, short id lists in flow style. Written by
 * hand rather than through a YAML generator so the output diffs cleanly against the hand-kept file;
 * {@link CatalogLoader} reads it back to equal entries.
 */
public final class CatalogYaml {

    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");
    // Plain scalars a YAML 1.1 or 1.2 reader would take for a number or a timestamp.
    private static final Pattern NUMBER_OR_DATE = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9][0-9_,:.]*)([eE][-+]?[0-9]+)?|0[xXoObB][0-9a-fA-F_]+|[-+]?\\.(inf|nan)"
                    + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?", Pattern.CASE_INSENSITIVE);
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private CatalogYaml() {
    }

    public static String write(List<CatalogEntry> entries) {
        return write(entries, null);
    }

    /** @param header a comment for the top of the file, one {@code #} line per line; null for none */
    public static String write(List<CatalogEntry> entries, String header) {
        StringBuilder out = new StringBuilder();
        if (header != null) {
            header.lines().forEach(line -> out.append(line.isBlank() ? "#" : "# " + line).append('\n'));
            out.append('\n');
        }
        if (entries.isEmpty()) {
            return out.append("entries: []\n").toString();
        }
        out.append("entries:\n");
        for (CatalogEntry e : entries) {
            out.append('\n');
            entry(out, e);
        }
        return out.toString();
    }

    private static void entry(StringBuilder out, CatalogEntry e) {
        out.append("  - id: ").append(scalar(e.id(), false)).append('\n');
        field(out, "name", e.name());
        field(out, "kind", e.kind());
        field(out, "organisation", e.organisation());
        field(out, "region", e.region());
        field(out, "parameters", e.parameters());
        if (e.openSource() != null) {
            out.append("    openSource: ").append(e.openSource()).append('\n');
        }
        if (e.releasedAt() != null) {
            // Always quoted, as in catalog.yaml: an unquoted 2023 or 2023-02-27 is a number or a date to YAML.
            out.append("    releasedAt: ").append(quoted(e.releasedAt())).append('\n');
        }
        field(out, "license", e.license());
        field(out, "newVersionOf", e.newVersionOf());
        field(out, "description", e.description());
        flowList(out, "    ", "githubRepositories", e.githubRepositories(), false);
        flowList(out, "    ", "huggingfaceIds", e.huggingfaceIds(), false);
        if (!e.baseModels().isEmpty()) {
            out.append("    baseModels:\n");
            for (BaseModelRef base : e.baseModels()) {
                out.append("      - id: ").append(scalar(base.id(), false)).append('\n');
                out.append("        relation: ").append(base.relation().name()).append('\n');
                flowList(out, "        ", "stages", base.stages().stream().map(Stage::name).toList(), true);
            }
        }
        if (!e.links().isEmpty()) {
            out.append("    links:\n");
            e.links().forEach(link -> out.append("      - ").append(scalar(link, false)).append('\n'));
        }
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append("    ").append(name).append(": ").append(scalar(value, false)).append('\n');
        }
    }

    private static void flowList(StringBuilder out, String indent, String name, List<String> values, boolean keepEmpty) {
        if (values.isEmpty() && !keepEmpty) {
            return;
        }
        out.append(indent).append(name).append(": [");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(scalar(values.get(i), true));
        }
        out.append("]\n");
    }

    static String scalar(String value, boolean inFlow) {
        return plainIsSafe(value, inFlow) ? value : quoted(value);
    }

    private static boolean plainIsSafe(String value, boolean inFlow) {
        if (value.isEmpty() || !value.equals(value.strip()) || INDICATORS.indexOf(value.charAt(0)) >= 0) {
            return false;
        }
        if (value.contains(": ") || value.contains(" #") || value.endsWith(":")) {
            return false;
        }
        if (inFlow && value.chars().anyMatch(c -> ",[]{}:#".indexOf(c) >= 0)) {
            return false;
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029
                || c == 0xFEFF)) {
            return false;
        }
        return !RESERVED.contains(value.toLowerCase(Locale.ROOT)) && !NUMBER_OR_DATE.matcher(value).matches();
    }

    /** A double-quoted scalar; YAML's double-quoted escapes are a superset of JSON's. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
