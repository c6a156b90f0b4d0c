package org.llmtracker.graph.model;

import org.llmtracker.graph.naming.Ids;

import java.util.Locale;

/**
 * What a model list asks for; null fields do not filter.
 *
 * @param q    free text matched against id, name, Hugging Face id and aliases, case-insensitively
 * @param sort the order; by default by relevance for a search, by name otherwise
 */
public record ModelFilter(String q, String organisation, String kind, Boolean openSource, String region,
        Boolean catalogued, Sort sort) {

    public ModelFilter {
        q = q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT);
        organisation = organisation == null || organisation.isBlank() ? null : Ids.organisation(organisation);
        // A search is read best first: the model the text names, then by downloads (and at Hub
        // scale only this order and downloads' are served without ordering every match).
        sort = sort != null ? sort : q == null ? Sort.NAME : Sort.RELEVANCE;
    }

    public static ModelFilter all() {
        return new ModelFilter(null, null, null, null, null, null, Sort.NAME);
    }

    /**
     * List orders. Each maps to a fixed ORDER BY clause; nothing from a request reaches the query
     * text. Each but relevance has a key with a range index, which a walk reads in order
     * ({@link OrderedWalk}): models without the key come after the others, and ties (those models
     * too) by name key, then id.
     */
    public enum Sort {
        NAME("m.nameKey, m.id", "nameKey", false),
        DOWNLOADS("coalesce(m.downloads, -1) DESC, m.nameKey, m.id", "downloads", true),
        LIKES("coalesce(m.likes, -1) DESC, m.nameKey, m.id", "likes", true),
        RELEASED("coalesce(m.releasedAt, '') DESC, m.nameKey, m.id", "releasedAt", true),
        PARAMETERS("coalesce(m.parameters, -1) DESC, m.nameKey, m.id", "parameters", true),
        /** What a search box wants: the model the text names exactly, then names starting with it, then by downloads. */
        RELEVANCE("""
                CASE WHEN m.id = $q OR EXISTS { (:Alias {id: $q})-[:ALIAS_OF]->(m) } THEN 0
                     WHEN toLower(m.name) = $q THEN 1
                     WHEN m.id STARTS WITH $q OR toLower(m.name) STARTS WITH $q THEN 2
                     ELSE 3 END, coalesce(m.downloads, -1) DESC, m.nameKey, m.id""", null, true);

        final String orderBy;
        /** The property whose index gives this order, null for relevance (which is groups of downloads). */
        final String key;
        final boolean descending;

        Sort(String orderBy, String key, boolean descending) {
            this.orderBy = orderBy;
            this.key = key;
            this.descending = descending;
        }
    }
}
