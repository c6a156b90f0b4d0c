package org.llmtracker.crawler.tables;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the tables of a document that list projects: a header row with a name column and at least
 * two other known columns. Each table takes its region from the nearest heading above it, the way
 * the seed splits its tables into 国外 (foreign) and 国内 (domestic).
 */
final class TableFinder {

    private static final int OTHER_COLUMNS_NEEDED = 2;

    private TableFinder() {
    }

    static List<TableRow> rows(Document document) {
        List<TableRow> rows = new ArrayList<>();
        String heading = null;
        int tableNumber = 0;
        // Warnings name a table by its heading, or by its number when the heading does not tell it apart.
        Set<String> headings = new HashSet<>();
        for (Element element : document.select("h1, h2, h3, h4, h5, h6, table")) {
            if (!element.tagName().equals("table")) {
                heading = CellValues.clean(element.text());
                continue;
            }
            tableNumber++;
            List<Element> tableRows = element.select("tr").stream().filter(tr -> tr.closest("table") == element).toList();
            if (tableRows.isEmpty()) {
                continue;
            }
            Map<Column, Integer> columns = columns(cells(tableRows.get(0)));
            if (!columns.containsKey(Column.NAME) || columns.size() - 1 < OTHER_COLUMNS_NEEDED) {
                continue;
            }
            String label = heading == null || heading.isEmpty() || !headings.add(heading) ? "table " + tableNumber
                    : heading;
            String region = region(heading);
            for (int r = 1; r < tableRows.size(); r++) {
                List<Element> cells = cells(tableRows.get(r));
                if (cells.stream().allMatch(c -> CellValues.clean(c.text()).isEmpty())) {
                    continue;
                }
                Map<Column, Element> byColumn = new EnumMap<>(Column.class);
                columns.forEach((column, index) -> {
                    if (index < cells.size()) {
                        byColumn.put(column, cells.get(index));
                    }
                });
                rows.add(new TableRow(label + ", row " + r, rows.size() + 1, region, byColumn, cells));
            }
        }
        return rows;
    }

    private static List<Element> cells(Element row) {
        return row.children().stream().filter(c -> c.tagName().equals("td") || c.tagName().equals("th")).toList();
    }

    private static Map<Column, Integer> columns(List<Element> header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            Column.of(CellValues.clean(header.get(i).text())).ifPresent(c -> columns.putIfAbsent(c, index));
        }
        return columns;
    }

    static String region(String heading) {
        if (heading == null) {
            return null;
        }
        String text = heading.toLowerCase(Locale.ROOT);
        if (text.contains("国外") || text.contains("海外") || text.contains("foreign") || text.contains("international")) {
            return "foreign";
        }
        if (text.contains("国内") || text.contains("domestic")) {
            return "domestic";
        }
        return null;
    }
}
