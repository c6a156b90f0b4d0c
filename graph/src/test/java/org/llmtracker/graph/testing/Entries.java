package org.llmtracker.graph.testing;

import java.util.Arrays;
import java.util.List;

import org.llmtracker.graph.catalog.BaseModelRef;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;

/** Terse catalogue entries for tests. */
public final class Entries {

    private Entries() {
    }

    public static CatalogEntry model(String id, BaseModelRef... bases) {
        return new CatalogEntry(id, id.toUpperCase(), "model", null, "foreign", null, true, null, null, null,
                List.of(), List.of(), Arrays.asList(bases), List.of());
    }

    public static BaseModelRef base(String id, Relation relation, Stage... stages) {
        return new BaseModelRef(id, relation, Arrays.asList(stages));
    }

    public static CatalogEntry withOrganisation(CatalogEntry e, String organisation) {
        return new CatalogEntry(e.id(), e.name(), e.kind(), organisation, e.region(), e.parameters(), e.openSource(),
                e.releasedAt(), e.license(), e.description(), e.githubRepositories(), e.huggingfaceIds(),
                e.baseModels(), e.links());
    }

    public static CatalogEntry withHosting(CatalogEntry e, List<String> repositories, List<String> hfIds) {
        return new CatalogEntry(e.id(), e.name(), e.kind(), e.organisation(), e.region(), e.parameters(),
                e.openSource(), e.releasedAt(), e.license(), e.description(), repositories, hfIds, e.baseModels(),
                e.links());
    }
}
