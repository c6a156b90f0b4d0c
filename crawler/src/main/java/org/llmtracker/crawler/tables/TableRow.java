package org.llmtracker.crawler.tables;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * One data row of an importable table.
 *
 * @param where   the table's heading (or "table n") and the row number, for warnings
 * @param ordinal the row's 1-based position among all rows of the document, for fallback ids
 * @param region  foreign or domestic when the table's heading says so, else null
 * @param columns the cells of recognised columns
 * @param cells   every cell of the row, in order, to find links wherever they are
 */
record TableRow(String where, int ordinal, String region, Map<Column, Element> columns, List<Element> cells) {

    String text(Column column) {
        Element cell = columns.get(column);
        return cell == null ? "" : CellValues.clean(cell.text());
    }
}
