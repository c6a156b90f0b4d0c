package org.llmtracker.crawler.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.huggingface.HubSettings;
import org.llmtracker.crawler.huggingface.testing.HubTestSettings;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.inference.InferenceReads;
import org.llmtracker.graph.inference.InferredLinks;
import org.llmtracker.graph.hub.LineageWriter;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.neo4j.driver.Value;

@Neo4jTest
class InferJobTests {

    private static final Instant NOW = Instant.parse("2026-11-24T04:00:00Z");
    private static final String BASE = "meta-llama/Llama-2-13b-chat-hf";
    private static final String GGUF = "TheBloke/Llama-2-13B-chat-GGUF";
    private static final long LLAMA_13B = 13_015_864_320L;
    private static final long MISTRAL_7B = 7_241_732_096L;

    private final InferenceHub hub = new InferenceHub();

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void aRunLinksQuantizationsAndProseFineTunesAndLeavesANamelessModelAlone(Graph graph) {
        quantizerFamily(graph);

        CrawlRecorder run = run(graph, 100);

        assertThat(parentOf(graph, GGUF)).isEqualTo(BASE.toLowerCase());
        Value link = link(graph, GGUF);
        assertThat(link.get("sources").asList(Value::asString)).containsExactly("inferred");
        assertThat(link.get("relation").asString()).isEqualTo("QUANTIZED");
        assertThat(link.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(link.get("evidence").asList(Value::asString)).contains("name stem \"Llama-2-13B-chat\" = " + BASE,
                "older by 54 days", "same architecture (llama)");
        assertThat(parentOf(graph, "TheBloke/Llama-2-13B-chat-GPTQ")).isEqualTo(BASE.toLowerCase());
        assertThat(parentOf(graph, "RichardErkhov/mistralai_-_Mistral-7B-Instruct-v0.2-gguf"))
                .as("a parent only the Hub's search knows is stored, then linked").isEqualTo("mistralai/mistral-7b-instruct-v0.2");
        assertThat(parentOf(graph, "lab/pirate-chat")).as("a card that names its parent in prose").isEqualTo("mistralai/mistral-7b-v0.1");
        assertThat(link(graph, "lab/pirate-chat").get("relation").asString()).isEqualTo("FINETUNE");
        assertThat(parentOf(graph, "someone/my-first-model")).as("a name that says nothing").isNull();
        assertThat(parentOf(graph, "NousResearch/Llama-2-13b-chat-hf")).as("a copy is linked to the original it copies")
                .isEqualTo(BASE.toLowerCase());
        assertThat(parentOf(graph, BASE)).as("nothing older is named like the original").isNull();
        assertThat(run.counts()).containsEntry("inferredQuantized", 3L).containsEntry("inferredFinetune", 1L);
        assertThat(run.requests()).isEqualTo(hub.requests()).isLessThanOrEqualTo(100);
    }

    @Test
    void aSecondRunChangesNothingAndAThirdChecksNothing(Graph graph) {
        quantizerFamily(graph);
        CrawlRecorder first = run(graph, 100);
        List<String> before = links(graph);

        CrawlRecorder second = run(graph, 100);
        CrawlRecorder third = run(graph, 100);

        assertThat(links(graph)).isEqualTo(before);
        assertThat(second.counts().get("checked")).as("the parents the first run stored are new, and their namesakes are looked at again")
                .isGreaterThanOrEqualTo(first.counts().get("parentsStored")).isLessThan(first.counts().get("checked"));
        assertThat(third.counts()).as("nothing new or changed: nothing to check").doesNotContainKey("checked");
        assertThat(third.requests()).isZero();
    }

    @Test
    void anIncrementalRunChecksOnlyWhatTheSweepChangedAndTheModelsNamedLikeANewParent(Graph graph) {
        quantizerFamily(graph);
        run(graph, 100);
        run(graph, 100);
        Instant nextDay = NOW.plusSeconds(86_400);
        new LineageWriter(graph).upsertModels(List.of(new HubModel("someone/my-first-model", "someone", 150L, 1L, null, null, null,
                null, Instant.parse("2024-03-01T00:00:00Z"), null, null), new HubModel("TheBloke/Llama-2-13B-chat-AWQ", "TheBloke", 10L,
                0L, null, null, null, null, Instant.parse("2023-10-01T00:00:00Z"), null, null)), nextDay);
        hub.model("TheBloke/Llama-2-13B-chat-AWQ", "2023-10-01T00:00:00.000Z", "llama", 2_026_000_000L, false, "awq", "4-bit");

        CrawlRecorder next = new CrawlRecorder();
        job(graph, new InferenceSettings(InferenceSettings.DEFAULT_MIN_CONFIDENCE, true, 100), nextDay).run(next);

        assertThat(next.counts().get("checked")).as("the changed model and the new one; a quantization touches no namesake")
                .isEqualTo(2L);
        assertThat(parentOf(graph, "TheBloke/Llama-2-13B-chat-AWQ")).isEqualTo(BASE.toLowerCase());
    }

    @Test
    void theRequestBudgetBoundsARunAndTheRestWaitsForTheNext(Graph graph) {
        quantizerFamily(graph);

        CrawlRecorder first = run(graph, 3);

        assertThat(first.requests()).isLessThanOrEqualTo(3);
        assertThat(first.counts().keySet()).anyMatch(k -> k.startsWith("skipped"));
        long linkedFirst = links(graph).size();
        CrawlRecorder second = run(graph, 100);
        assertThat(links(graph).size()).isGreaterThanOrEqualTo((int) linkedFirst);
        assertThat(second.counts()).as("what waited for the budget is settled").doesNotContainKey("waiting");
        assertThat(second.counts().get("checked")).as("what the first run settled is not looked at again")
                .isLessThan(first.counts().getOrDefault("checked", 0L) + first.counts().getOrDefault("waiting", 0L));
    }

    @Test
    void raisingTheThresholdRemovesWhatNoLongerQualifies(Graph graph) {
        quantizerFamily(graph);
        run(graph, 100);

        CrawlRecorder strict = new CrawlRecorder();
        job(graph, new InferenceSettings(0.999, true, 100)).run(strict);

        assertThat(strict.counts().get("pruned")).isPositive();
        assertThat(links(graph)).allSatisfy(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(0.999));
    }

    @Test
    void anInferenceThatWouldCloseACycleIsRefused(Graph graph) {
        // Dirty data: someone declared a GGUF repo as the base of the model it was made from.
        models(graph, Map.of("org/Zeta-7B", "2024-01-01T00:00:00Z", "quant/Zeta-7B-GGUF", "2024-02-01T00:00:00Z"));
        new LineageWriter(graph).upsertDerivations(List.of(new Derivation("org/Zeta-7B", "quant/Zeta-7B-GGUF", Relation.FINETUNE,
                List.of(), "hf-card")), NOW);
        hub.model("quant/Zeta-7B-GGUF", "2024-02-01T00:00:00.000Z", "mistral", MISTRAL_7B, true, "gguf");

        CrawlRecorder run = run(graph, 10);

        assertThat(run.counts()).containsEntry("refusedCycles", 1L);
        assertThat(parentOf(graph, "quant/Zeta-7B-GGUF")).isNull();
    }

    /** A quantizer's repos with and without the author's name, the original, a copy, a newer fine-tune, a prose card, a nameless model. */
    private void quantizerFamily(Graph graph) {
        models(graph, Map.of(BASE, "2023-07-13T00:00:00Z", "NousResearch/Llama-2-13b-chat-hf", "2023-07-18T00:00:00Z",
                GGUF, "2023-09-05T00:00:00Z", "TheBloke/Llama-2-13B-chat-GPTQ", "2023-07-19T00:00:00Z",
                "BramVanroy/Llama-2-13b-chat-dutch", "2023-10-14T00:00:00Z",
                "RichardErkhov/mistralai_-_Mistral-7B-Instruct-v0.2-gguf", "2024-05-02T00:00:00Z",
                "lab/pirate-chat", "2024-02-01T00:00:00Z", "someone/my-first-model", "2024-03-01T00:00:00Z"));
        hub.model(BASE, "2023-07-13T00:00:00.000Z", "llama", LLAMA_13B, false)
                .model("NousResearch/Llama-2-13b-chat-hf", "2023-07-18T00:00:00.000Z", "llama", LLAMA_13B, false)
                .model(GGUF, "2023-09-05T00:00:00.000Z", "llama", LLAMA_13B, true, "gguf", "llama")
                .model("TheBloke/Llama-2-13B-chat-GPTQ", "2023-07-19T00:00:00.000Z", "llama", 2_026_000_000L, false, "gptq", "4-bit")
                .model("BramVanroy/Llama-2-13b-chat-dutch", "2023-10-14T00:00:00.000Z", "llama", LLAMA_13B, false)
                .model("RichardErkhov/mistralai_-_Mistral-7B-Instruct-v0.2-gguf", "2024-05-02T00:00:00.000Z", "mistral", MISTRAL_7B,
                        true, "gguf")
                .model("lab/pirate-chat", "2024-02-01T00:00:00.000Z", "mistral", MISTRAL_7B, false)
                .model("someone/my-first-model", "2024-03-01T00:00:00.000Z", "llama", 6_738_415_616L, false)
                .model("mistralai/Mistral-7B-v0.1", "2023-09-20T12:13:01.000Z", "mistral", MISTRAL_7B, false)
                .search("mistralai_-_Mistral-7B-Instruct-v0.2")
                .search("Mistral-7B-Instruct-v0.2",
                        hub.body("mistralai/Mistral-7B-Instruct-v0.2", "2023-12-11T13:18:44.000Z", "mistral", MISTRAL_7B, false),
                        hub.body("TheBloke/Mistral-7B-Instruct-v0.2-GGUF", "2023-12-11T22:18:46.000Z", "mistral", MISTRAL_7B, true, "gguf"))
                .card("lab/pirate-chat", "# Pirate Chat\n\nThis model is a fine-tuned version of [mistralai/Mistral-7B-v0.1]"
                        + "(https://huggingface.co/mistralai/Mistral-7B-v0.1) on pirate dialogues.\n");
    }

    private CrawlRecorder run(Graph graph, int maxRequests) {
        CrawlRecorder recorder = new CrawlRecorder();
        job(graph, new InferenceSettings(InferenceSettings.DEFAULT_MIN_CONFIDENCE, true, maxRequests)).run(recorder);
        return recorder;
    }

    private InferJob job(Graph graph, InferenceSettings settings) {
        return job(graph, settings, NOW);
    }

    private InferJob job(Graph graph, InferenceSettings settings, Instant now) {
        HubSettings hubSettings = HubTestSettings.of(hub.uri(), "", 0, 0, 1);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new InferJob(hubSettings, settings, new InferenceReads(graph), new InferredLinks(graph),
                new LineageWriter(graph), clock, HubTestSettings.upstream(hubSettings, d -> { }, clock));
    }

    /** The original is the most used of its name, as on the Hub; everything else has a hundred downloads. */
    private static final Map<String, Long> DOWNLOADS = Map.of(BASE, 300_000L, "NousResearch/Llama-2-13b-chat-hf", 20_000L);

    private static void models(Graph graph, Map<String, String> created) {
        new LineageWriter(graph).upsertModels(created.entrySet().stream().map(e -> new HubModel(e.getKey(),
                e.getKey().substring(0, e.getKey().indexOf('/')), DOWNLOADS.getOrDefault(e.getKey(), 100L), 0L, null, null, null, null,
                Instant.parse(e.getValue()), null, null)).toList(), NOW);
    }

    private static String parentOf(Graph graph, String child) {
        return graph.read(tx -> tx.run("MATCH (:Model {id: $id})-[:DERIVED_FROM]->(p) RETURN p.id AS p",
                Map.of("id", child.toLowerCase())).stream().findFirst().map(r -> r.get("p").asString()).orElse(null));
    }

    private static Value link(Graph graph, String child) {
        return graph.read(tx -> tx.run("MATCH (:Model {id: $id})-[d:DERIVED_FROM]->() RETURN d {.*} AS d",
                Map.of("id", child.toLowerCase())).single().get("d"));
    }

    private static List<String> links(Graph graph) {
        return graph.read(tx -> tx.run("""
                MATCH (c)-[d:DERIVED_FROM]->(p) WHERE 'inferred' IN d.sources
                RETURN c.id + ' -> ' + p.id + ' ' + toString(d.observedAt) + ' ' + toString(d.confidence) AS l ORDER BY l
                """).list(r -> r.get("l").asString()));
    }

    static List<String> ids(String... ids) {
        return Arrays.asList(ids);
    }
}
