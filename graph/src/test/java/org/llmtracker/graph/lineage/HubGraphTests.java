package org.llmtracker.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.model.ModelQueries;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

@Neo4jTest
class HubGraphTests {

    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void aSnapshotIsTakenWhenFiguresMoveAtMostOnceADay(Graph graph) {
        HubGraph hub = new HubGraph(graph);
        new LineageWriter(graph).upsertModels(List.of(hub("a/model", 10L)), MONDAY);

        assertThat(hub.snapshot(List.of(hub("a/model", 10L)), MONDAY)).isOne();
        assertThat(hub.snapshot(List.of(hub("a/model", 99L)), MONDAY.plusSeconds(60))).isZero();
        assertThat(hub.snapshot(List.of(hub("a/model", 10L)), MONDAY.plus(Duration.ofDays(1)))).isZero();
        assertThat(hub.snapshot(List.of(hub("a/model", 12L)), MONDAY.plus(Duration.ofDays(1)))).isOne();

        List<Long> downloads = graph.read(tx -> tx.run("MATCH (:Model {id: 'a/model'})-[:HAD]->(s:Snapshot) "
                + "RETURN collect(s.downloads) AS d").single().get("d").asList(v -> v.asLong()));
        assertThat(downloads).containsExactlyInAnyOrder(10L, 12L);
    }

    @Test
    void aRenameMakesTheIdWithoutAModelAnAliasOfTheOneWithIt(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(withHosting(model("bert"), List.of(), List.of("bert-base-uncased"))), MONDAY);
        new LineageWriter(graph).upsertModels(List.of(hub("TheBloke/new-name", 1L)), MONDAY);
        HubGraph hub = new HubGraph(graph);

        hub.recordRenames(List.of(new Rename("bert-base-uncased", "google-bert/bert-base-uncased"),
                new Rename("TheBloke/old-name", "TheBloke/new-name")), MONDAY);

        ModelQueries models = new ModelQueries(graph);
        assertThat(models.resolve("google-bert/bert-base-uncased")).contains("bert");
        assertThat(models.resolve("thebloke/old-name")).contains("thebloke/new-name");
        assertThat(hub.known(List.of("Google-Bert/bert-base-uncased", "nobody/else"))).isOne();
    }

    @Test
    void statusesLandOnTheModelAnIdOrAliasNames(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(withHosting(model("llama"), List.of(), List.of("huggyllama/llama-7b"))), MONDAY);

        new HubGraph(graph).markStatus(List.of("HuggyLlama/llama-7b"), HubGraph.GATED, false, MONDAY);

        assertThat(new ModelQueries(graph).detail("llama").orElseThrow()).satisfies(d -> {
            assertThat(d.hfStatus()).isEqualTo("gated");
            assertThat(d.gated()).isTrue();
        });
    }

    private static HubModel hub(String id, Long downloads) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), downloads, 1L, null, null, null, null, null, null, false);
    }
}
