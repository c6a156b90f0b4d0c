package org.llmtracker.graph.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.model.ModelQueries;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.EmbeddedNeo4j;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.testing.Plans;
import org.neo4j.driver.Driver;
import org.neo4j.kernel.impl.transaction.stats.TransactionCounters;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.llmtracker.graph.lineage.Relative;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.lineage.LineageQueries;

@Neo4jTest
class HubFamiliesTests {

    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");

    /** The job asks this at every run: the catalogued models come from their index, not a read of the store. */
    @Test
    void theRootsComeFromTheCataloguedIndex(Driver driver) {
        Plans.assertSeeksAndScansNothing(Plans.explained(driver, HubFamilies.ROOTS, Map.of()));
    }

    @Test
    void aSnapshotIsTakenWhenFiguresMoveAtMostOnceADay(Graph graph) {
        HubFamilies hub = new HubFamilies(graph);

        assertThat(hub.store(alone(hub("a/model", 10L)), MONDAY).snapshots()).isOne();
        assertThat(hub.store(alone(hub("a/model", 99L)), MONDAY.plusSeconds(60)).snapshots()).isZero();
        assertThat(hub.store(alone(hub("a/model", 10L)), MONDAY.plus(Duration.ofDays(1))).snapshots()).isZero();
        assertThat(hub.store(alone(hub("a/model", 12L)), MONDAY.plus(Duration.ofDays(1))).snapshots()).isOne();

        List<Long> downloads = graph.read(tx -> tx.run("MATCH (:Model {id: 'a/model'})-[:HAD]->(s:Snapshot) "
                + "RETURN collect(s.downloads) AS d").single().get("d").asList(v -> v.asLong()));
        assertThat(downloads).containsExactlyInAnyOrder(10L, 12L);
    }

    @Test
    void aRenameMakesTheIdWithoutAModelAnAliasOfTheOneWithIt(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(withHosting(model("bert"), List.of(), List.of("bert-base-uncased"))), MONDAY);
        HubFamilies hub = new HubFamilies(graph);

        // The catalogue already holds the old id; neither of TheBloke's ids has a model yet.
        HubFamily.Stored stored = hub.store(new HubFamily(hub("google-bert/bert-base-uncased", 5L),
                List.of(hub("TheBloke/new-name", 1L)),
                List.of(new Derivation("TheBloke/old-name", "bert-base-uncased", Relation.QUANTIZED, List.of(), "hf-tag")),
                List.of(new Rename("bert-base-uncased", "google-bert/bert-base-uncased"),
                        new Rename("TheBloke/old-name", "TheBloke/new-name")),
                List.of()), MONDAY);

        ModelQueries models = new ModelQueries(graph);
        assertThat(models.resolve("google-bert/bert-base-uncased")).contains("bert");
        assertThat(models.resolve("thebloke/old-name")).contains("thebloke/new-name");
        assertThat(stored.discovered()).isOne();
        assertThat(new LineageQueries(graph).descendants("bert", RelativeFilter.depth(5), 0, 10).items())
                .extracting(Relative::id).containsExactly("thebloke/new-name");
        assertThat(hub.store(new HubFamily(hub("google-bert/bert-base-uncased", 5L), List.of(hub("TheBloke/old-name", 2L)),
                List.of(), List.of(), List.of()), MONDAY).discovered()).isZero();
    }

    @Test
    void statusesLandOnTheModelAnIdOrAliasNames(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(withHosting(model("llama"), List.of(), List.of("huggyllama/llama-7b"))), MONDAY);

        new HubFamilies(graph).markStatus("HuggyLlama/llama-7b", HubStatus.GATED, MONDAY);

        assertThat(new ModelQueries(graph).detail("llama").orElseThrow()).satisfies(d -> {
            assertThat(d.hfStatus()).isEqualTo("gated");
            assertThat(d.gated()).isTrue();
        });
    }

    @Test
    void aWholeFamilyIsOneWriteTransaction(Graph graph, EmbeddedNeo4j neo4j) {
        new CatalogWriter(graph).applyFile(List.of(withHosting(model("llama"), List.of(), List.of("huggyllama/llama-7b"))), MONDAY);
        HubFamilies hub = new HubFamilies(graph);
        // The first family names labels and properties the store has not seen; Neo4j creates those
        // tokens in transactions of their own, so it is stored first and not counted.
        hub.store(family("first"), MONDAY);
        long before = committedWrites(neo4j);

        hub.store(family("second"), MONDAY);

        assertThat(committedWrites(neo4j) - before).isOne();
        assertThat(new ModelQueries(graph).detail("second/gated").orElseThrow().hfStatus()).isEqualTo("gated");
        assertThat(new ModelQueries(graph).resolve("second/old-child")).contains("second/child");
        assertThat(new LineageQueries(graph).descendants("llama", RelativeFilter.depth(5), 0, 10).total()).isEqualTo(4);
    }

    /** A child of LLaMA, renamed, with a gated quantization below it; both listings read to the end. */
    private static HubFamily family(String owner) {
        HubModel gated = new HubModel(owner + "/gated", owner, 3L, 0L, null, null, null, null, null, null, true);
        return new HubFamily(hub("huggyllama/llama-7b", 100L), List.of(hub(owner + "/child", 10L), gated),
                List.of(new Derivation(owner + "/child", "huggyllama/llama-7b", Relation.FINETUNE, List.of(), "hf-tag"),
                        new Derivation(owner + "/gated", owner + "/old-child", Relation.QUANTIZED, List.of(), "hf-tag")),
                List.of(new Rename(owner + "/old-child", owner + "/child")), List.of("huggyllama/llama-7b", owner + "/child"));
    }

    private static long committedWrites(EmbeddedNeo4j neo4j) {
        return ((GraphDatabaseAPI) neo4j.database(null)).getDependencyResolver().resolveDependency(TransactionCounters.class)
                .getNumberOfCommittedWriteTransactions();
    }

    private static HubFamily alone(HubModel root) {
        return new HubFamily(root, List.of(), List.of(), List.of(), List.of());
    }

    private static HubModel hub(String id, Long downloads) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), downloads, 1L, null, null, null, null, null, null, false);
    }
}
