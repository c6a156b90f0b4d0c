package org.llmtracker.graph.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.digest.Digest.Derivative;
import org.llmtracker.graph.digest.Digest.Mover;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.DigestWeekFixture;
import org.llmtracker.graph.testing.Neo4jTest;

@Neo4jTest
class DigestQueriesTests {

    private static final Instant BUILT = Instant.parse("2026-11-23T08:00:00Z");

    private Digest digest;

    @BeforeEach
    void buildTheFixtureWeek(Graph graph) {
        DigestWeekFixture.write(graph);
        digest = new DigestQueries(graph).build(IsoWeek.parse(DigestWeekFixture.WEEK).orElseThrow(), BUILT);
    }

    @Test
    void theWeekRunsFromMondayToMondayInUtc() {
        assertThat(digest.from()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
        assertThat(digest.to()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void releasesAreExactlyThoseOfTrackedRepositoriesInsideTheWeek() {
        assertThat(digest.releases().items()).extracting(r -> r.repository(), r -> r.tag(), r -> r.prerelease()).containsExactly(
                tuple("facebookresearch/llama", "v2.0", false),
                tuple("tatsu-lab/stanford_alpaca", "v1.1-rc1", true));
    }

    @Test
    void starMoversAreOrderedByAbsoluteGainWithTheirDeltas() {
        assertThat(digest.starMovers().items()).extracting(Mover::id, Mover::before, Mover::after, Mover::delta).containsExactly(
                tuple("facebookresearch/llama", 1_000L, 1_500L, 500L),
                tuple("lm-sys/fastchat", 5_000L, 5_100L, 100L),
                tuple("tatsu-lab/stanford_alpaca", 200L, 260L, 60L));
    }

    @Test
    void starRisersAreOrderedByRelativeGain() {
        assertThat(digest.starRisers().items()).extracting(Mover::id, Mover::relative).containsExactly(
                tuple("facebookresearch/llama", 0.5),
                tuple("tatsu-lab/stanford_alpaca", 0.3),
                tuple("lm-sys/fastchat", 0.02));
    }

    @Test
    void newDerivativesAreGroupedByBaseAndRelationLargestGroupFirstMostDownloadedFirst() {
        assertThat(digest.derivatives().items()).extracting(g -> g.base(), g -> g.relation(), g -> g.count()).containsExactly(
                tuple("llama", "QUANTIZED", 2),
                tuple("llama", "ADAPTER", 1),
                tuple("llama", "FINETUNE", 1));
        assertThat(digest.derivatives().total()).isEqualTo(3);
        assertThat(digest.derivatives().items().get(0).top()).extracting(Derivative::id)
                .containsExactly("other/llama-q4", "thebloke/llama-7b-gguf");
        assertThat(digest.derivatives().items().get(2).top()).extracting(Derivative::id).containsExactly("vicuna");
    }

    @Test
    void newModelsAreThoseFirstSeenInTheWeekWithTheirFamily() {
        assertThat(digest.newModels().total()).isEqualTo(4);
        assertThat(digest.newModels().items()).extracting(m -> m.id(), m -> m.familyName(), m -> m.catalogued()).containsExactlyInAnyOrder(
                tuple("vicuna", "LLaMA", true),
                tuple("thebloke/llama-7b-gguf", "LLaMA", false),
                tuple("someone/llama-lora", "LLaMA", false),
                tuple("other/llama-q4", "LLaMA", false));
    }

    @Test
    void theFamilyThatGrewIsLlamaWithItsCountsByRelation() {
        assertThat(digest.families().items()).extracting(f -> f.id(), f -> f.newDescendants())
                .containsExactly(tuple("llama", 4L));
        assertThat(digest.families().items().get(0).byRelation())
                .containsEntry("QUANTIZED", 2L).containsEntry("FINETUNE", 1L).containsEntry("ADAPTER", 1L);
        assertThat(digest.counts().firstSeen()).isEqualTo(4);
        assertThat(digest.counts().derivatives()).isEqualTo(4);
        assertThat(digest.newFamilies().total()).isZero();
    }

    @Test
    void hubMoversCompareTheWeeksLastSnapshotWithTheBaseline() {
        assertThat(digest.downloadMovers().items()).extracting(Mover::id, Mover::delta)
                .containsExactly(tuple("llama", 20_000L), tuple("thebloke/llama-7b-gguf", 4_000L));
        assertThat(digest.likeMovers().items()).extracting(Mover::id, Mover::delta)
                .containsExactly(tuple("thebloke/llama-7b-gguf", 30L), tuple("llama", 20L));
    }

    @Test
    void crawlHealthCountsRunsFailuresAbortedRunsAndRateLimitStopsOfTheWeek() {
        assertThat(digest.crawlHealth()).extracting(h -> h.job(), h -> h.runs(), h -> h.failed(), h -> h.partial(),
                h -> h.aborted(), h -> h.rateLimitStops(), h -> h.requests()).containsExactly(
                tuple("github", 3, 0, 1, 0, 1, 5_052L),
                tuple("huggingface", 2, 1, 0, 0, 0, 301L),
                tuple("pages", 1, 0, 0, 1, 0, 3L));
    }

    @Test
    void isoWeeksParseOnlyWeeksThatExist() {
        assertThat(IsoWeek.parse("2026-W53")).isPresent();
        assertThat(IsoWeek.parse("2025-W53")).isEmpty();
        assertThat(IsoWeek.parse("2026-W00")).isEmpty();
        assertThat(IsoWeek.parse("2026-48")).isEmpty();
        assertThat(IsoWeek.containing(Instant.parse("2027-01-01T12:00:00Z"))).hasToString("2026-W53");
        assertThat(IsoWeek.parse("2027-W01").orElseThrow().previous()).hasToString("2026-W53");
    }
}
