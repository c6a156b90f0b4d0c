package org.llmtracker.graph.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/**
 * Every document the probe used to leave half a graph or lock the door with, refused before or
 * after writing: the store's export hash is the same after the refusal as before it, the
 * refusal names the line and never the store's hash, and the next (valid) import goes through.
 */
@Neo4jTest
class AllOrNothingImportTests {

    private static final String HEADER = "{\"format\":\"llm-tracker-graph\",\"version\":1}";

    static Stream<Arguments> hostileDocuments() {
        return Stream.of(
                Arguments.of("a label that is a number", edit(l -> l.replace("\"labels\":[\"Organisation\"]", "\"labels\":[5]")),
                        "label '5'"),
                Arguments.of("a label outside the schema", edit(l -> l.replace("\"labels\":[\"Organisation\"]", "\"labels\":[\"Admin\"]")),
                        "label '\"Admin\"'"),
                Arguments.of("a Cypher-like property name", edit(l -> l.replace("\"properties\":{\"key\":\"meta\"",
                        "\"properties\":{\"x}) DETACH DELETE (n\":1,\"key\":\"meta\"")), "property name"),
                Arguments.of("a model without its id", edit(l -> l.replace("\"id\":\"alpaca\",", "")), "without its key 'id'"),
                Arguments.of("a RUNNING crawl run", edit(l -> l.replace("\"status\":\"SUCCEEDED\"", "\"status\":\"RUNNING\"")),
                        "is RUNNING"),
                Arguments.of("a relationship type outside the schema", edit(l -> l.replace("\"rel\":\"PUBLISHED_BY\"",
                        "\"rel\":\"OWNS\"")), "relationship type 'OWNS'"),
                Arguments.of("a forged end line", (UnaryOperator<List<String>>) AllOrNothingImportTests::forgedHash,
                        "the end line's hash is not the hash"),
                Arguments.of("a mixed list", edit(l -> l.replace("\"stages\":[\"SFT\"]", "\"stages\":[\"SFT\",5]")),
                        "mixed or nested"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDocuments")
    void aRefusedImportLeavesTheStoreExactlyAsBeforeAndTheNextImportGoesThrough(String what,
            UnaryOperator<List<String>> change, String says, Graph graph) {
        List<String> export = exported(graph);
        wipe(graph);
        GraphHash empty = GraphExport.hash(graph);
        List<String> hostile = change.apply(new ArrayList<>(export));
        assertThat(hostile).as("the case changed the document").isNotEqualTo(export);

        assertThatThrownBy(() -> GraphImport.read(graph, stream(hostile))).as(what)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(says).hasMessageContaining("line ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(empty.sha256()));

        assertThat(GraphExport.hash(graph)).as("the store is as before").isEqualTo(empty);
        assertThat(count(graph, "MATCH (n:ImportPending) RETURN count(n) AS n")).isZero();
        GraphHash restored = GraphImport.read(graph, stream(export));
        assertThat(restored.sha256()).as("the door is not locked").isEqualTo(endHash(export));
    }

    @Test
    void aRelationshipToAMissingNodeAfter1500NodesIsRefusedBeforeAnyNodeIsWritten(Graph graph) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 1_500; i++) {
            lines.add("{\"node\":\"n" + i + "\",\"labels\":[\"Model\"],\"properties\":{\"id\":\"m" + i + "\"}}");
        }
        lines.add("{\"rel\":\"DERIVED_FROM\",\"from\":\"n1\",\"to\":\"nowhere\",\"properties\":{}}");
        lines.add("{\"end\":true,\"nodes\":1500,\"relationships\":1,\"sha256\":\"x\"}");
        wipe(graph);
        GraphHash empty = GraphExport.hash(graph);

        assertThatThrownBy(() -> GraphImport.read(graph, stream(lines))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1502").hasMessageContaining("names a node the file does not hold");

        assertThat(GraphExport.hash(graph)).isEqualTo(empty);
        assertThat(count(graph, "MATCH (n) RETURN count(n) AS n")).isZero();
    }

    @Test
    void aFailureAfterWritingBeganPutsBackTheIndexStateTheStoreHad(Graph graph) {
        List<String> export = exported(graph);
        wipe(graph);
        Ancestry.rebuild(graph); // an empty store that has built its index: an IndexState node
        String state = "MATCH (s:IndexState) RETURN collect(properties(s)) AS n";
        List<Object> before = graph.read(tx -> tx.run(state).single().get("n").asList());
        assertThat(before).hasSize(1);

        assertThatThrownBy(() -> GraphImport.read(graph, stream(forgedHash(new ArrayList<>(export)))))
                .isInstanceOf(IllegalArgumentException.class);

        List<Object> after = graph.read(tx -> tx.run(state).single().get("n").asList());
        assertThat(after).isEqualTo(before);
        assertThat(count(graph, "MATCH (n) RETURN count(n) AS n")).isEqualTo(1);
    }

    private static UnaryOperator<List<String>> edit(UnaryOperator<String> change) {
        return lines -> {
            for (int i = 0; i < lines.size(); i++) {
                String changed = change.apply(lines.get(i));
                if (!changed.equals(lines.get(i))) {
                    lines.set(i, changed);
                    return lines;
                }
            }
            return lines;
        };
    }

    private static List<String> forgedHash(List<String> lines) {
        int end = lines.size() - 1;
        lines.set(end, lines.get(end).replaceFirst("\"sha256\":\"[0-9a-f]+\"", "\"sha256\":\"" + "0".repeat(64) + "\""));
        return lines;
    }

    private static long rels(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("{\"rel\"")).count();
    }

    private static String nodeId(List<String> lines, String marker) {
        String line = lines.stream().filter(l -> l.startsWith("{\"node\"") && l.contains(marker)).findFirst().orElseThrow();
        return line.substring("{\"node\":\"".length(), line.indexOf('"', "{\"node\":\"".length()));
    }

    private static String endHash(List<String> lines) {
        String end = lines.get(lines.size() - 1);
        int at = end.indexOf("\"sha256\":\"") + 10;
        return end.substring(at, end.indexOf('"', at));
    }

    @Test
    void aLineageCycleAsRealStoresHoldItIsRestoredAsItWas(Graph graph) {
        seed(graph);
        // vicuna derives from alpaca, which derives from llama: llama deriving from vicuna closes the circle
        graph.write(tx -> tx.run("""
                MATCH (llama:Model {id: 'llama'}), (vicuna:Model {id: 'vicuna'})
                CREATE (llama)-[:DERIVED_FROM {relation: 'FINETUNE'}]->(vicuna)""").consume());
        List<String> export = export(graph);
        wipe(graph);

        GraphHash restored = GraphImport.read(graph, stream(export));

        assertThat(restored.sha256()).isEqualTo(endHash(export));
        assertThat(count(graph, """
                MATCH (:Model {id: 'llama'})-[:DERIVED_FROM]->(:Model {id: 'vicuna'})-[:DERIVED_FROM]->(:Model {id: 'alpaca'})
                      -[:DERIVED_FROM]->(:Model {id: 'llama'}) RETURN count(*) AS n""")).isEqualTo(1);
    }

    /** A small real graph, exported: a lineage, an organisation, an alias and a finished run. */
    private static List<String> exported(Graph graph) {
        seed(graph);
        return export(graph);
    }

    private static void seed(Graph graph) {
        graph.write(tx -> tx.run("""
                CREATE (meta:Organisation {key: 'meta', name: 'Meta AI'}),
                       (llama:Model {id: 'llama', name: 'LLaMA'})-[:PUBLISHED_BY]->(meta),
                       (alpaca:Model {id: 'alpaca', name: 'Alpaca'})-[:DERIVED_FROM {relation: 'FINETUNE', stages: ['SFT']}]->(llama),
                       (vicuna:Model {id: 'vicuna', name: 'Vicuna'})-[:DERIVED_FROM {relation: 'FINETUNE', stages: ['SFT']}]->(alpaca),
                       (:CrawlRun {id: 'run-1', job: 'github', status: 'SUCCEEDED', startedAt: datetime('2026-11-23T08:00Z')}),
                       (:Alias {id: 'huggyllama/llama-7b'})-[:ALIAS_OF]->(llama)
                """).consume());
    }

    private static List<String> export(Graph graph) {
        Ancestry.rebuild(graph);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GraphExport.write(graph, out);
        return List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
    }

    private static ByteArrayInputStream stream(List<String> lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void wipe(Graph graph) {
        graph.write(tx -> tx.run("MATCH (n) DETACH DELETE n").consume());
    }

    private static long count(Graph graph, String cypher) {
        return graph.read(tx -> tx.run(cypher).single().get("n").asLong());
    }
}
