package org.llmtracker.graph.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.llmtracker.graph.testing.Entries.base;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;
import static org.llmtracker.graph.testing.Entries.withOrganisation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.ModelKeys;
import org.llmtracker.graph.testing.DigestWeekFixture;
import org.llmtracker.graph.testing.Neo4jTest;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Export to JSON Lines and restore: the same graph comes back, proven by its content hash. */
@Neo4jTest
class GraphExportTests {

    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void aRoundTripRestoresTheSameGraphAndRebuildsTheAncestryIndex(Graph graph) {
        populate(graph);
        GraphHash before = GraphExport.hash(graph);
        long indexRows = count(graph, "MATCH ()-[r:DESCENDS_FROM]->() RETURN count(r) AS n");
        var descendants = new LineageQueries(graph).descendants("llama", RelativeFilter.depth(10), 0, 100).items();
        byte[] export = export(graph);

        wipe(graph);
        GraphHash restored = GraphImport.read(graph, new ByteArrayInputStream(export));

        assertThat(restored).isEqualTo(before);
        assertThat(GraphExport.hash(graph)).isEqualTo(before);
        assertThat(before.nodes()).isGreaterThan(20);
        assertThat(before.relationships()).isGreaterThan(20);
        assertThat(count(graph, "MATCH ()-[r:DESCENDS_FROM]->() RETURN count(r) AS n")).isEqualTo(indexRows);
        assertThat(count(graph, "MATCH (n:ImportPending) RETURN count(n) AS n")).isZero();
        assertThat(count(graph, "MATCH (n) WHERE n.importId IS NOT NULL RETURN count(n) AS n")).isZero();
        assertThat(new LineageQueries(graph).descendants("llama", RelativeFilter.depth(10), 0, 100).items())
                .isEqualTo(descendants);
    }

    @Test
    void theExportStartsWithItsFormatAndEndsWithItsHashAndLeavesTheIndexOut(Graph graph) {
        populate(graph);

        String[] lines = new String(export(graph), StandardCharsets.UTF_8).split("\n");

        assertThat(lines[0]).isEqualTo("{\"format\":\"llm-tracker-graph\",\"version\":1}");
        assertThat(lines[lines.length - 1]).startsWith("{\"end\":true,").contains(GraphExport.hash(graph).sha256());
        assertThat(String.join("\n", lines)).doesNotContain("DESCENDS_FROM").contains("\"DERIVED_FROM\"")
                .contains("{\"$datetime\":");
    }

    @Test
    void aStoreWhoseLicencesWereJudgedRestoresFromItsOwnExportLeavingItsBookkeepingOut(Graph graph) {
        populate(graph);
        // what the licences job keeps after its first run (LicenseVerdicts.ensure): the terms' fingerprint
        graph.write(tx -> tx.run("MERGE (s:IndexState {name: 'licenses'}) SET s.fingerprint = 'terms-1'").consume());
        GraphHash before = GraphExport.hash(graph);
        byte[] export = export(graph);

        wipe(graph);

        assertThat(new String(export, StandardCharsets.UTF_8)).doesNotContain("IndexState");
        assertThat(GraphImport.read(graph, new ByteArrayInputStream(export))).isEqualTo(before);
        assertThat(GraphExport.hash(graph)).isEqualTo(before);
        assertThat(count(graph, "MATCH (s:IndexState {name: 'licenses'}) RETURN count(s) AS n"))
                .as("the restored store judges its licences again").isZero();
    }

    @Test
    void anExportThatStillCarriesTheIndexStateImportsAndItsEndLineIsChecked(Graph graph) {
        populate(graph);
        GraphHash content = GraphExport.hash(graph);
        ObjectNode state = JsonNodeFactory.instance.objectNode().put("name", "ancestry").put("version", 3);
        GraphHash withState = GraphExport.hash(graph, hash -> hash.addNode(List.of("IndexState"), state));
        List<String> lines = new ArrayList<>(List.of(new String(export(graph), StandardCharsets.UTF_8).split("\n")));
        lines.add(1, "{\"node\":\"4:x:999\",\"labels\":[\"IndexState\"],\"properties\":" + state + "}");
        lines.set(lines.size() - 1, "{\"end\":true,\"nodes\":" + withState.nodes() + ",\"relationships\":"
                + withState.relationships() + ",\"sha256\":\"" + withState.sha256() + "\"}");
        String older = String.join("\n", lines) + "\n";
        String changed = older.replace("\"version\":3", "\"version\":4");
        wipe(graph);

        assertThatThrownBy(() -> GraphImport.read(graph, stream(changed)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changed after it was exported");
        assertThat(GraphImport.read(graph, stream(older))).isEqualTo(withState);
        assertThat(GraphExport.hash(graph)).isEqualTo(content);
    }

    @Test
    void everyPropertyTypeSurvivesTheRoundTrip(Graph graph) {
        graph.write(tx -> tx.run("""
                CREATE (:Model {id: 'probe', s: 'é\\n"x"', i: 9007199254740993, f: 0.1, b: false, at: datetime('2026-11-23T08:00:00Z'),
                        d: date('2023-02-24'), strings: ['a', 'b'], longs: [1, 2], empty: [], local: localdatetime('2026-01-01T10:00')})
                """).consume());
        Ancestry.rebuild(graph);
        GraphHash before = GraphExport.hash(graph);
        Map<String, Object> props = graph.read(tx -> tx.run("MATCH (p:Model {id: 'probe'}) RETURN properties(p) AS p").single().get("p").asMap());
        byte[] export = export(graph);

        wipe(graph);
        GraphImport.read(graph, new ByteArrayInputStream(export));

        assertThat(GraphExport.hash(graph)).isEqualTo(before);
        Map<String, Object> restored = graph.read(tx -> tx.run("MATCH (p:Model {id: 'probe'}) RETURN properties(p) AS p").single().get("p").asMap());
        // the import derives the search text and name key the raw CREATE above left out (ModelKeys)
        assertThat(restored).containsAllEntriesOf(props).containsOnlyKeys(
                Stream.concat(props.keySet().stream(), ModelKeys.DERIVED.stream()).toList());
    }

    @Test
    void theHashSeesAnyChangeOfAPropertyALabelOrARelationship(Graph graph) {
        populate(graph);
        GraphHash original = GraphExport.hash(graph);

        graph.write(tx -> tx.run("MATCH (m:Model {id: 'alpaca'}) SET m.name = 'Alpaca!'").consume());
        GraphHash renamed = GraphExport.hash(graph);
        graph.write(tx -> tx.run("MATCH (m:Model {id: 'alpaca'}) SET m.name = 'Alpaca'").consume());
        graph.write(tx -> tx.run("MATCH (:Model {id: 'alpaca'})-[r:DERIVED_FROM]->() SET r.stages = ['SFT', 'DPO']").consume());
        GraphHash restaged = GraphExport.hash(graph);

        assertThat(renamed.sha256()).isNotEqualTo(original.sha256());
        assertThat(restaged.sha256()).isNotEqualTo(original.sha256());
        assertThat(renamed.nodes()).isEqualTo(original.nodes());
    }

    @Test
    void theHashDoesNotDependOnTheOrderThingsWereWritten(Graph graph) {
        graph.write(tx -> tx.run("CREATE (:A {k: 1})-[:R {w: 1}]->(:B {k: 2}), (:A {k: 3})").consume());
        GraphHash first = GraphExport.hash(graph);
        wipe(graph);
        graph.write(tx -> tx.run("CREATE (:A {k: 3}), (b:B {k: 2}) CREATE (:A {k: 1})-[:R {w: 1}]->(b)").consume());

        assertThat(GraphExport.hash(graph)).isEqualTo(first);
    }

    @Test
    void anImportIntoAStoreWithDataIsRefusedAndChangesNothing(Graph graph) {
        populate(graph);
        byte[] export = export(graph);
        GraphHash before = GraphExport.hash(graph);

        assertThatThrownBy(() -> GraphImport.read(graph, new ByteArrayInputStream(export)))
                .isInstanceOf(ImportRefusedException.class).hasMessageContaining("not empty");
        assertThat(GraphExport.hash(graph)).isEqualTo(before);
    }

    @Test
    void aFileOfAnotherFormatOrCutShortIsRefusedNamingTheProblem(Graph graph) {
        populate(graph);
        String export = new String(export(graph), StandardCharsets.UTF_8);
        String cut = export.substring(0, export.lastIndexOf("{\"end\""));
        wipe(graph);

        assertThatThrownBy(() -> GraphImport.read(graph, stream("{\"format\":\"other\"}\n")))
                .isInstanceOf(ImportRefusedException.class).hasMessageContaining("Not an llm-tracker export");
        assertThatThrownBy(() -> GraphImport.read(graph, stream("{\"format\":\"llm-tracker-graph\",\"version\":99}\n")))
                .isInstanceOf(ImportRefusedException.class).hasMessageContaining("version 99");
        assertThatThrownBy(() -> GraphImport.read(graph, stream(cut)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
    }

    private static void populate(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(
                withHosting(withOrganisation(model("llama"), "Meta AI"), List.of("facebookresearch/llama"), List.of("huggyllama/llama-7b")),
                model("alpaca", base("llama", Relation.FINETUNE, Stage.SFT)),
                model("vicuna", base("llama", Relation.FINETUNE, Stage.SFT)),
                model("llava", base("vicuna", Relation.FINETUNE, Stage.SFT), base("alpaca", Relation.MERGE))), MONDAY);
        new DigestWeekFixture("week-").writeTo(graph);
        Ancestry.rebuild(graph);
    }

    private static byte[] export(Graph graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GraphExport.write(graph, out);
        return out.toByteArray();
    }

    private static void wipe(Graph graph) {
        graph.write(tx -> tx.run("MATCH (n) DETACH DELETE n").consume());
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static long count(Graph graph, String cypher) {
        return graph.read(tx -> tx.run(cypher).single().get("n").asLong());
    }
}
