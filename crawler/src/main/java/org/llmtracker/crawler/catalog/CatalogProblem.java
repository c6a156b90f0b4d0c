package org.llmtracker.crawler.catalog;

/**
 * One thing wrong with a catalogue.
 *
 * @param entryId the entry's id, or {@code #n} (its 1-based position) when the entry has no id;
 *                null for a problem of the whole document, such as malformed YAML
 * @param field   the field, with list positions ({@code baseModels[0].id}); null for the whole entry
 * @param message what is wrong, quoting the offending value
 */
public record CatalogProblem(String entryId, String field, String message) {

    static CatalogProblem ofDocument(String message) {
        return new CatalogProblem(null, null, message);
    }

    /** {@code entry 'alpaca', field baseModels[0].id: unknown base model 'llamma'}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (entryId != null) {
            text.append(entryId.startsWith("#") ? "entry " + entryId : "entry '" + entryId + "'");
        }
        if (field != null) {
            text.append(text.isEmpty() ? "" : ", ").append("field ").append(field);
        }
        return text.isEmpty() ? message : text.append(": ").append(message).toString();
    }
}
