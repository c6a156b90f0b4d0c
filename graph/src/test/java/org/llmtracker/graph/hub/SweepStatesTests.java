package org.llmtracker.graph.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

@Neo4jTest
class SweepStatesTests {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void aPassKeepsItsCursorAndFirstHeadUntilItCompletesIntoTheWatermark(Graph graph) {
        SweepStates states = new SweepStates(graph, "hub-sweep");
        assertThat(states.read()).isEmpty();

        states.start(true, T0, null);
        graph.write(tx -> {
            states.advance(tx, new HubListingStore.Progress("https://hub/api/models?cursor=a", T0.minusSeconds(10), 1000, null));
            return null;
        });
        graph.write(tx -> {
            states.advance(tx, new HubListingStore.Progress("https://hub/api/models?cursor=b", T0.minusSeconds(5000), 1000, null));
            return null;
        });
        SweepState.Pass pass = states.read().orElseThrow().pass();
        assertThat(pass.cursor()).isEqualTo("https://hub/api/models?cursor=b");
        assertThat(pass.head()).isEqualTo(T0.minusSeconds(10));
        assertThat(pass.pages()).isEqualTo(2);
        assertThat(pass.models()).isEqualTo(2000);

        states.restart();
        assertThat(states.read().orElseThrow().pass()).satisfies(p -> {
            assertThat(p.cursor()).isNull();
            assertThat(p.restarts()).isEqualTo(1);
            assertThat(p.head()).isEqualTo(T0.minusSeconds(10));
        });

        states.complete(T0.plusSeconds(60));
        SweepState done = states.read().orElseThrow();
        assertThat(done.pass()).isNull();
        assertThat(done.watermark()).isEqualTo(T0.minusSeconds(10));
        assertThat(done.lastFullPassAt()).isEqualTo(T0);
        assertThat(done.lastCompletedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void anIncrementalPassThatSawNothingNewerKeepsTheWatermark(Graph graph) {
        SweepStates states = new SweepStates(graph, "hub-sweep");
        states.start(true, T0, null);
        graph.write(tx -> {
            states.advance(tx, new HubListingStore.Progress(null, T0.minusSeconds(10), 3, Duration.ofHours(1)));
            return null;
        });
        assertThat(states.read().orElseThrow().pass().stopBefore()).as("the full pass turned to catching up")
                .isEqualTo(T0.minusSeconds(10).minus(Duration.ofHours(1)));
        states.complete(T0);

        states.start(false, T0.plus(Duration.ofDays(1)), T0.minusSeconds(3610));
        graph.write(tx -> {
            states.advance(tx, new HubListingStore.Progress(null, T0.minusSeconds(100), 0, null));
            return null;
        });
        states.complete(T0.plus(Duration.ofDays(1)));

        SweepState state = states.read().orElseThrow();
        assertThat(state.watermark()).isEqualTo(T0.minusSeconds(10));
        assertThat(state.lastFullPassAt()).isEqualTo(T0);
    }

    @Test
    void onlyListedModelsNotCatalogued(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(model("llama")), T0);
        graph.write(tx -> tx.run("""
                MATCH (l:Model {id: 'llama'}) SET l.hfStatus = 'ok', l.hfListedAt = $old
                CREATE (:Model {id: 'o/old', hfStatus: 'ok', hfListedAt: $old}),
                       (:Model {id: 'o/old-gated', hfStatus: 'gated', hfListedAt: $old}),
                       (:Model {id: 'o/fresh', hfStatus: 'ok', hfListedAt: $fresh}),
                       (:Model {id: 'o/gone', hfStatus: 'gone', hfListedAt: $old}),
                       (:Model {id: 'o/stub'})""",
                Map.of("old", T0.minusSeconds(86_400).atZone(java.time.ZoneOffset.UTC),
                        "fresh", T0.plusSeconds(1).atZone(java.time.ZoneOffset.UTC))).consume());

        long marked = new SweepStates(graph, "hub-sweep").markUnlisted(T0, T0.plusSeconds(99));

        assertThat(marked).isEqualTo(2);
        Map<String, Object> statuses = graph.read(tx -> tx.run(
                "MATCH (m:Model) RETURN collect([m.id, coalesce(m.hfStatus, '-')]) AS s").single().get("s")
                .asList(v -> v.get(0).asString() + "=" + v.get(1).asString()).stream()
                .collect(java.util.stream.Collectors.toMap(s -> s.split("=")[0], s -> (Object) s.split("=")[1])));
        assertThat(statuses).containsEntry("o/old", "unlisted").containsEntry("o/old-gated", "unlisted")
                .containsEntry("o/fresh", "ok").containsEntry("o/gone", "gone").containsEntry("o/stub", "-")
                .containsEntry("llama", "ok");
    }
}
