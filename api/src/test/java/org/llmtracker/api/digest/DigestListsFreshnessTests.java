package org.llmtracker.api.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.digest.DigestQueries;
import org.llmtracker.graph.digest.DigestStore;
import org.llmtracker.graph.digest.IsoWeek;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.DigestWeekFixture;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.testing.SteppingClock;

import tools.jackson.databind.json.JsonMapper;

/**
 * The section pages page through the week's whole lists: one reading serves every reader for a
 * while (a Hub-scale week takes seconds to read), and a later reader sees what the store gained.
 */
@Neo4jTest
class DigestListsFreshnessTests {

    private static final IsoWeek WEEK = IsoWeek.parse(DigestWeekFixture.WEEK).orElseThrow();

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-23T08:00:00Z"), Duration.ZERO);
    private DigestService digests;

    @BeforeEach
    void theFixtureWeek(Graph graph) {
        DigestWeekFixture.write(graph);
        digests = new DigestService(new DigestQueries(graph), new DigestStore(graph), JsonMapper.builder().build(), clock,
                null, null, HtmlDigestTests.ENGLISH, "http://tracker.example");
    }

    @Test
    void readersWithinTheFreshnessWindowShareOneReadingAndLaterOnesSeeNewModels(Graph graph) {
        assertThat(digests.lists(WEEK).newModels()).hasSize(4);

        newModelSeenInTheWeek(graph, "late/llama-merge");
        assertThat(digests.lists(WEEK).newModels()).as("read a moment ago: the same lists").hasSize(4);

        clock.advance(DigestService.LISTS_FRESH_FOR);
        assertThat(digests.lists(WEEK).newModels()).extracting(m -> m.id()).hasSize(5).contains("late/llama-merge");
    }

    @Test
    void eachWeekIsReadOnItsOwn(Graph graph) {
        IsoWeek before = WEEK.previous().previous();
        assertThat(digests.lists(before).newModels()).extracting(m -> m.id()).containsExactly("old/llama-tune");
        assertThat(digests.lists(WEEK).newModels()).hasSize(4);
    }

    private static void newModelSeenInTheWeek(Graph graph, String id) {
        graph.write(tx -> tx.run("CREATE (:Model {id: $id, name: $id, catalogued: false, firstSeenAt: $at})",
                Map.of("id", id, "at", ZonedDateTime.of(2026, 11, 20, 12, 0, 0, 0, ZoneOffset.UTC))).consume());
    }
}
