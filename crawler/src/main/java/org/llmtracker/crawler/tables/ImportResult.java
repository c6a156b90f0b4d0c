package org.llmtracker.crawler.tables;

import java.util.List;

import org.llmtracker.graph.catalog.CatalogEntry;

/**
 * Entries imported from document tables, valid as a catalogue, and what the importer had to guess
 * or leave out (one readable line each, naming the table, row and field).
 */
public record ImportResult(List<CatalogEntry> entries, List<String> warnings) {

    public ImportResult {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }
}
