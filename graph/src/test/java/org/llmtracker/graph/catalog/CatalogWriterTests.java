package org.llmtracker.graph.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.llmtracker.graph.testing.Entries.base;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;
import static org.llmtracker.graph.testing.Entries.withOrganisation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.ancestry.LineageCycleException;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.testing.Plans;
import org.neo4j.driver.Driver;

@Neo4jTest
class CatalogWriterTests {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-02T00:00:00Z");

    private final List<CatalogEntry> catalogue = List.of(
            withHosting(withOrganisation(model("llama"), "Meta AI"), List.of("facebookresearch/llama"), List.of("huggyllama/llama-7b")),
            withOrganisation(model("alpaca", base("llama", Relation.FINETUNE, Stage.SFT)), "Stanford University"),
            model("vicuna", base("llama", Relation.FINETUNE, Stage.SFT)));

    /** Loading the file at every start must not read the store: the removed entries come from the catalogued index. */
    @Test
    void findingTheEntriesTheFileDropsSeeksTheCataloguedIndex(Graph graph, Driver driver) {
        new CatalogWriter(graph).applyFile(catalogue, T0);
        List<String> operators = Plans.explained(driver, CatalogWriter.MARK_REMOVED,
                Map.of("ids", List.of("llama"), "now", ZonedDateTime.ofInstant(T1, ZoneOffset.UTC)));
        Plans.assertSeeksAndScansNothing(operators);
    }

    @Test
    void loadingTheSameCatalogueTwiceLeavesNodeAndEdgeCountsUnchanged(Graph graph) {
        CatalogWriter writer = new CatalogWriter(graph);
        writer.applyFile(catalogue, T0);
        long[] first = counts(graph);

        CatalogWriter.LoadSummary second = writer.applyFile(catalogue, T1);

        assertThat(counts(graph)).containsExactly(first);
        assertThat(second.written()).isZero();
        assertThat(second.unchanged()).isEqualTo(3);
    }

    @Test
    void anEditedEntryUpdatesTheGraphInPlace(Graph graph) {
        CatalogWriter writer = new CatalogWriter(graph);
        writer.applyFile(catalogue, T0);

        List<CatalogEntry> edited = List.of(catalogue.get(0), catalogue.get(1),
                model("vicuna", base("alpaca", Relation.FINETUNE, Stage.SFT, Stage.DPO)));
        writer.applyFile(edited, T1);

        CatalogEntry vicuna = writer.find("vicuna").orElseThrow();
        assertThat(vicuna.baseModels()).containsExactly(new BaseModelRef("alpaca", Relation.FINETUNE, List.of(Stage.SFT, Stage.DPO)));
        long edgesToLlama = graph.read(tx -> tx.run("MATCH (:Model {id:'vicuna'})-[d:DERIVED_FROM]->(:Model {id:'llama'}) RETURN count(d) AS n")
                .single().get("n").asLong());
        assertThat(edgesToLlama).isZero();
    }

    @Test
    void anEntryRemovedFromTheFileIsKeptAndMarked(Graph graph) {
        CatalogWriter writer = new CatalogWriter(graph);
        writer.applyFile(catalogue, T0);

        CatalogWriter.LoadSummary summary = writer.applyFile(catalogue.subList(0, 2), T1);

        assertThat(summary.markedRemoved()).containsExactly("vicuna");
        var vicuna = graph.read(tx -> tx.run("MATCH (m:Model {id:'vicuna'}) RETURN m.catalogued AS c, m.removedFromCatalogAt IS NOT NULL AS removed")
                .single());
        assertThat(vicuna.get("c").asBoolean()).isFalse();
        assertThat(vicuna.get("removed").asBoolean()).isTrue();
        assertThat(writer.find("vicuna")).isEmpty();
    }

    @Test
    void anEditMadeThroughTheApiSurvivesARestartThatDidNotChangeTheFile(Graph graph) {
        CatalogWriter writer = new CatalogWriter(graph);
        writer.applyFile(catalogue, T0);
        CatalogEntry renamed = new CatalogEntry("vicuna", "Vicuna-13B", "model", "LMSYS", "foreign", "13B", true,
                "2023-03-30", null, null, List.of("lm-sys/FastChat"), List.of(),
                List.of(base("llama", Relation.FINETUNE, Stage.SFT)), List.of());
        writer.put(renamed, T1);

        writer.applyFile(catalogue, T1);

        assertThat(writer.find("vicuna").orElseThrow().name()).isEqualTo("Vicuna-13B");
    }

    @Test
    void anEntryAddedThroughTheApiIsNotMarkedRemovedByTheFile(Graph graph) {
        CatalogWriter writer = new CatalogWriter(graph);
        writer.applyFile(catalogue, T0);
        writer.put(model("koala", base("llama", Relation.FINETUNE, Stage.SFT)), T1);

        CatalogWriter.LoadSummary summary = writer.applyFile(catalogue, T1);

        assertThat(summary.markedRemoved()).isEmpty();
        assertThat(writer.find("koala")).isPresent();
    }

    @Test
    void anEditThatWouldMakeAModelItsOwnAncestorIsRefusedAndWritesNothing(Graph graph) {
        CatalogWriter writer = new CatalogWriter(graph);
        writer.applyFile(catalogue, T0);
        writer.put(model("minigpt-4", base("vicuna", Relation.FINETUNE)), T0);

        assertThatThrownBy(() -> writer.put(withOrganisation(model("llama", base("minigpt-4", Relation.FINETUNE)), "Edited"), T1))
                .isInstanceOf(LineageCycleException.class)
                .hasMessageContaining("'minigpt-4' already derives from 'llama'");
        assertThatThrownBy(() -> writer.put(model("vicuna", base("vicuna", Relation.FINETUNE)), T1))
                .isInstanceOf(LineageCycleException.class);

        assertThat(writer.find("llama").orElseThrow().baseModels()).isEmpty();
        assertThat(writer.find("llama").orElseThrow().organisation()).isEqualTo("Meta AI");
        assertThat(writer.find("vicuna").orElseThrow().baseModels()).extracting(BaseModelRef::id).containsExactly("llama");
    }

    @Test
    void aNewVersionIsAVersionLinkNotADerivationAndFollowsTheFile(Graph graph) {
        CatalogWriter writer = new CatalogWriter(graph);
        CatalogEntry llama2 = newVersion(model("llama-2"), "llama");
        writer.applyFile(List.of(catalogue.get(0), llama2), T0);

        assertThat(writer.find("llama-2").orElseThrow().newVersionOf()).isEqualTo("llama");
        assertThat(count(graph, "MATCH (:Model {id: 'llama-2'})-[v:NEW_VERSION_OF]->(:Model {id: 'llama'}) RETURN count(v) AS n"))
                .isEqualTo(1);
        assertThat(count(graph, "MATCH (:Model {id: 'llama-2'})-[r:DERIVED_FROM|DESCENDS_FROM]->() RETURN count(r) AS n")).isZero();

        writer.applyFile(List.of(catalogue.get(0), model("llama-2")), T1);

        assertThat(writer.find("llama-2").orElseThrow().newVersionOf()).isNull();
        assertThat(count(graph, "MATCH ()-[v:NEW_VERSION_OF]->() RETURN count(v) AS n")).isZero();
    }

    private static CatalogEntry newVersion(CatalogEntry e, String earlier) {
        return new CatalogEntry(e.id(), e.name(), e.kind(), e.organisation(), e.region(), e.parameters(), e.openSource(),
                e.releasedAt(), e.license(), e.description(), e.githubRepositories(), e.huggingfaceIds(), e.baseModels(),
                e.links(), earlier);
    }

    private static long count(Graph graph, String query) {
        return graph.read(tx -> tx.run(query).single().get("n").asLong());
    }

    @Test
    void hubIdsBecomeCaseInsensitiveAliasesOfTheirModel(Graph graph) {
        new CatalogWriter(graph).applyFile(catalogue, T0);

        String target = graph.read(tx -> tx.run("MATCH (:Alias {id:'huggyllama/llama-7b'})-[:ALIAS_OF]->(m) RETURN m.id AS id")
                .single().get("id").asString());
        assertThat(target).isEqualTo("llama");
    }

    @Test
    void readsBackWhatItWrote(Graph graph) {
        CatalogWriter writer = new CatalogWriter(graph);
        writer.applyFile(catalogue, T0);

        assertThat(writer.find("LLaMA")).contains(catalogue.get(0));
        assertThat(writer.find("alpaca")).contains(catalogue.get(1));
    }

    private static long[] counts(Graph graph) {
        return graph.read(tx -> {
            long nodes = tx.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong();
            long edges = tx.run("MATCH ()-[r]->() RETURN count(r) AS n").single().get("n").asLong();
            return new long[] {nodes, edges};
        });
    }
}
