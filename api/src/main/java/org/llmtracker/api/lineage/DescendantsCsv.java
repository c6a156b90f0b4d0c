package org.llmtracker.api.lineage;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.llmtracker.graph.lineage.Relative;
import org.springframework.http.MediaType;

/** A page of descendants as CSV (RFC 4180), for spreadsheets. */
final class DescendantsCsv {

    static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final String HEADER = "id,name,kind,depth,relation,relations,stages,via,downloads,likes,catalogued,generation";

    private DescendantsCsv() {
    }

    static String render(List<Relative> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Relative r : rows) {
            csv.append(cell(r.id())).append(',').append(cell(r.name())).append(',').append(cell(r.kind())).append(',')
                    .append(r.depth()).append(',').append(cell(r.relation())).append(',')
                    .append(cell(String.join(" ", r.relations()))).append(',').append(cell(String.join(" ", r.stages())))
                    .append(',').append(cell(r.via())).append(',').append(r.downloads() == null ? "" : r.downloads())
                    .append(',').append(r.likes() == null ? "" : r.likes()).append(',').append(r.catalogued())
                    .append(',').append(cell(r.generation())).append("\r\n");
        }
        return csv.toString();
    }

    /**
     * Quoted when needed. Names come from upstream: one starting with {@code = + - @} would run as
     * a formula in a spreadsheet, so it is prefixed with an apostrophe (OWASP's advice on CSV injection).
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
