package org.llmtracker.graph.store;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Constraints and indexes, applied at every start. Each statement is idempotent
 * ({@code IF NOT EXISTS}), so the list only ever grows: never edit a line, add one.
 */
public final class Schema {

    private static final Logger log = LoggerFactory.getLogger(Schema.class);

    static final List<String> STATEMENTS = List.of(
            "CREATE CONSTRAINT model_id IF NOT EXISTS FOR (m:Model) REQUIRE m.id IS UNIQUE",
            "CREATE CONSTRAINT alias_id IF NOT EXISTS FOR (a:Alias) REQUIRE a.id IS UNIQUE",
            "CREATE CONSTRAINT organisation_key IF NOT EXISTS FOR (o:Organisation) REQUIRE o.key IS UNIQUE",
            "CREATE CONSTRAINT repository_full_name IF NOT EXISTS FOR (r:Repository) REQUIRE r.fullName IS UNIQUE",
            "CREATE CONSTRAINT release_key IF NOT EXISTS FOR (r:Release) REQUIRE r.key IS UNIQUE",
            "CREATE CONSTRAINT article_url IF NOT EXISTS FOR (a:Article) REQUIRE a.url IS UNIQUE",
            "CREATE CONSTRAINT crawl_run_id IF NOT EXISTS FOR (c:CrawlRun) REQUIRE c.id IS UNIQUE",
            "CREATE CONSTRAINT digest_week IF NOT EXISTS FOR (d:Digest) REQUIRE d.week IS UNIQUE",
            "CREATE INDEX model_name IF NOT EXISTS FOR (m:Model) ON (m.name)",
            "CREATE INDEX model_catalogued IF NOT EXISTS FOR (m:Model) ON (m.catalogued)",
            "CREATE INDEX model_downloads IF NOT EXISTS FOR (m:Model) ON (m.downloads)",
            "CREATE INDEX snapshot_at IF NOT EXISTS FOR (s:Snapshot) ON (s.at)",
            "CREATE INDEX crawl_run_started IF NOT EXISTS FOR (c:CrawlRun) ON (c.startedAt)",
            "CREATE INDEX family_root_descendants IF NOT EXISTS FOR (m:FamilyRoot) ON (m.descendants)",
            "CREATE CONSTRAINT sweep_state_name IF NOT EXISTS FOR (s:SweepState) REQUIRE s.name IS UNIQUE",
            "CREATE INDEX model_listed IF NOT EXISTS FOR (m:Model) ON (m.hfListedAt)",
            // search: CONTAINS through trigram TEXT indexes, on a model's text and on alias ids (ModelKeys)
            "CREATE TEXT INDEX model_search_text IF NOT EXISTS FOR (m:Model) ON (m.searchText)",
            "CREATE TEXT INDEX alias_id_text IF NOT EXISTS FOR (a:Alias) ON (a.id)",
            "CREATE TEXT INDEX family_root_search_text IF NOT EXISTS FOR (m:FamilyRoot) ON (m.searchText)",
            // the lineage conflicts start from the models a kind can name (LineageConflicts)
            "CREATE INDEX model_inferred_parent IF NOT EXISTS FOR (m:Model) ON (m.inferredParent)",
            "CREATE INDEX model_removed_from_catalog IF NOT EXISTS FOR (m:Model) ON (m.removedFromCatalogAt)",
            "CREATE INDEX license_conflict_downloads IF NOT EXISTS FOR (m:LicenseConflict) ON (m.downloads)",
            "CREATE INDEX license_conflict_pair IF NOT EXISTS FOR (m:LicenseConflict) ON (m.licenseAncestorLicense, m.licenseId)",
            "CREATE INDEX license_conflict_license IF NOT EXISTS FOR (m:LicenseConflict) ON (m.licenseId)",
            // the digest reads a week of new models as one range seek
            "CREATE INDEX model_first_seen IF NOT EXISTS FOR (m:Model) ON (m.firstSeenAt)",
            // one run under way per job across every instance on the store (CrawlRunStore.claim)
            "CREATE CONSTRAINT crawl_run_running_job IF NOT EXISTS FOR (c:CrawlRun) REQUIRE c.runningJob IS UNIQUE",
            // lists read a page in order from the index of their sort's key, the filters' own
            // indexes when a filter matches few models (OrderedWalk, ModelList)
            "CREATE INDEX model_name_key IF NOT EXISTS FOR (m:Model) ON (m.nameKey)",
            // search proves a typed prefix common by the short names starting with it (ModelSearch)
            "CREATE INDEX model_short_name IF NOT EXISTS FOR (m:Model) ON (m.shortName)",
            "CREATE INDEX model_likes IF NOT EXISTS FOR (m:Model) ON (m.likes)",
            "CREATE INDEX model_parameters IF NOT EXISTS FOR (m:Model) ON (m.parameters)",
            "CREATE INDEX model_released IF NOT EXISTS FOR (m:Model) ON (m.releasedAt)",
            "CREATE INDEX model_kind IF NOT EXISTS FOR (m:Model) ON (m.kind)",
            "CREATE INDEX model_region IF NOT EXISTS FOR (m:Model) ON (m.region)",
            "CREATE INDEX model_open_source IF NOT EXISTS FOR (m:Model) ON (m.openSource)");

    private Schema() {
    }

    public static void apply(Graph graph) {
        // Schema statements cannot share a transaction with each other's data, so one each.
        for (String statement : STATEMENTS) {
            graph.write(tx -> tx.run(statement).consume());
        }
        graph.write(tx -> tx.run("CALL db.awaitIndexes(300)").consume());
        // a store written before the search text existed gets it once, in batches
        ModelKeys.fill(graph);
        log.info("Neo4j schema ready ({} constraints and indexes)", STATEMENTS.size());
    }
}
