package org.llmtracker.crawler.license;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;

/** Hub listings written through the sweep's own writer: models with their licence tags and declared parents. */
final class SmallHub {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private final Graph graph;
    private final List<HubModel> models = new ArrayList<>();
    private final List<Derivation> derivations = new ArrayList<>();
    private long downloads = 1_000_000;

    SmallHub(Graph graph) {
        this.graph = graph;
    }

    /** A listed model with this licence tag (null: none), declaring {@code parents}. */
    SmallHub model(String id, String license, String... parents) {
        models.add(new HubModel(id, id.substring(0, id.indexOf('/')), downloads--, 0L, null, null, null, license,
                NOW, NOW, false));
        Relation relation = parents.length > 1 ? Relation.MERGE : Relation.FINETUNE;
        for (String p : parents) {
            derivations.add(new Derivation(id, p, relation, List.of(), "hf-tag"));
        }
        return this;
    }

    /** Writes what was added as one listing page, and starts a new one. */
    SmallHub write() {
        new HubListingStore(graph).store(new HubListingPage(models, derivations), NOW);
        models.clear();
        derivations.clear();
        return this;
    }

    /** What the sweep stores once it reads the card's licence name and link (the listing's cardData). */
    void card(String id, String name, String link) {
        graph.write(tx -> tx.run("MATCH (m:Model {id: toLower($id)}) SET m.cardLicenseName = $name, m.cardLicenseLink = $link,"
                + " m:LicenseStale", Map.of("id", id, "name", name, "link", link == null ? "" : link)).consume());
    }
}
