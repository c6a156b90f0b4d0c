package org.llmtracker.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.LineageWriter;

@Neo4jTest
class RelativeQueriesTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void descendantsWithEqualDownloadsSortByNameAsJavaIgnoresCase(Graph graph) {
        List<String> names = List.of("o/a_b", "o/AB", "o/ab-2", "o/Zed", "o/a[b", "o/_x");
        LineageWriter writer = new LineageWriter(graph);
        writer.upsertModels(Stream.concat(Stream.of("o/base"), names.stream()).map(RelativeQueriesTests::hub).toList(), NOW);
        writer.upsertDerivations(names.stream()
                .map(n -> new Derivation(n, "o/base", Relation.FINETUNE, List.of(), "hf-card")).toList(), NOW);

        var first = new LineageQueries(graph).descendants("o/base", RelativeFilter.depth(3), 0, 4);
        var rest = new LineageQueries(graph).descendants("o/base", RelativeFilter.depth(3), 4, 4);

        List<String> expected = names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        assertThat(first.total()).isEqualTo(6);
        assertThat(Stream.concat(first.items().stream(), rest.items().stream()).map(Relative::name)).containsExactlyElementsOf(expected);
    }

    @Test
    void ancestorsAcrossACycleAreEachListedOnceNearestFirst(Graph graph) {
        LineageWriter writer = new LineageWriter(graph);
        writer.upsertModels(Stream.of("o/a", "o/b", "o/c", "o/d").map(RelativeQueriesTests::hub).toList(), NOW);
        writer.upsertDerivations(List.of(
                new Derivation("o/d", "o/c", Relation.QUANTIZED, List.of(), "hf-card"),
                new Derivation("o/c", "o/b", Relation.FINETUNE, List.of(), "hf-card"),
                new Derivation("o/b", "o/a", Relation.FINETUNE, List.of(), "hf-card"),
                new Derivation("o/a", "o/d", Relation.MERGE, List.of(), "hf-card")), NOW);

        var page = new LineageQueries(graph).ancestors("o/d", RelativeFilter.depth(10), 0, 10);

        assertThat(page.items()).extracting(Relative::id).containsExactly("o/c", "o/b", "o/a");
        assertThat(page.items()).extracting(Relative::depth).containsExactly(1, 2, 3);
        assertThat(page.items()).extracting(Relative::via).containsExactly("o/d", "o/c", "o/b");
        assertThat(page.items().get(0).relation()).isEqualTo("QUANTIZED");
    }

    private static HubModel hub(String id) {
        return new HubModel(id, "o", 10L, null, null, null, null, null, null, null, null);
    }

}
