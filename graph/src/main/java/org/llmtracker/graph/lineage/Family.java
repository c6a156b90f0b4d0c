package org.llmtracker.graph.lineage;

import java.util.Map;

/**
 * A model that heads a family: it derives from nothing, and others derive from it.
 *
 * @param descendants      every model below it, directly or through others
 * @param deepest          how many generations its family spans below it
 * @param byRelation       descendants by the relation of their link at their shortest distance (a
 *                         merge of links of several relations counts under each)
 * @param licenseConflicts descendants whose licence drops the terms of an ancestor's (the stored
 *                         licence verdicts, declared lineage)
 */
public record Family(String id, String name, boolean catalogued, Long downloads, long descendants, int deepest,
        Map<String, Long> byRelation, long licenseConflicts) {

    public Family {
        byRelation = Map.copyOf(byRelation);
    }

    public Family(String id, String name, boolean catalogued, Long downloads, long descendants, int deepest,
            Map<String, Long> byRelation) {
        this(id, name, catalogued, downloads, descendants, deepest, byRelation, 0);
    }
}
