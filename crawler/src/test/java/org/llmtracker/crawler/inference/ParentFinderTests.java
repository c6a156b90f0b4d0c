package org.llmtracker.crawler.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.inference.Inference.Signal;
import org.llmtracker.graph.model.Relation;

class ParentFinderTests {

    private static final Instant JULY_2023 = Instant.parse("2023-07-18T00:00:00Z");

    private final ParentFinder finder = new ParentFinder(InferenceSettings.defaults());

    @Test
    void aQuantizersRepoFindsTheOriginalAmongCopiesFineTunesAndOtherQuantizations() {
        ModelUniverse hub = new ModelUniverse()
                .add(used(llama("meta-llama/Llama-2-13b-chat-hf", JULY_2023, 13_015_864_320L), 300_000L, 1_100L))
                .add(used(llama("NousResearch/Llama-2-13b-chat-hf", JULY_2023.plusSeconds(86_400 * 2), 13_015_864_320L), 20_000L, 30L))
                .add(llama("TheBloke/Llama-2-13B-chat-GPTQ", JULY_2023.plusSeconds(86_400 * 5), 2_026_000_000L))
                .add(llama("TheBloke/Llama-2-13B-chat-AWQ", JULY_2023.plusSeconds(86_400 * 70), 2_026_000_000L))
                .add(llama("someone/Llama-2-13b-chat-dutch", JULY_2023.plusSeconds(86_400 * 90), 13_015_864_320L));
        ModelFacts gguf = gguf("TheBloke/Llama-2-13B-chat-GGUF", JULY_2023.plusSeconds(86_400 * 41), 13_015_864_320L);

        Inference inference = finder.infer(gguf, hub).orElseThrow();

        assertThat(inference.parent()).isEqualTo("meta-llama/Llama-2-13b-chat-hf");
        assertThat(inference.relation()).isEqualTo(Relation.QUANTIZED);
        assertThat(inference.confidence()).isGreaterThanOrEqualTo(InferenceSettings.DEFAULT_MIN_CONFIDENCE);
        assertThat(inference.evidence()).contains("name stem \"Llama-2-13B-chat\" = meta-llama/Llama-2-13b-chat-hf",
                "older by 41 days", "same architecture (llama)");
        assertThat(inference.signals()).contains(Signal.NAME_STEM, Signal.OLDER, Signal.ARCHITECTURE, Signal.SIZE);
    }

    @Test
    void anAuthorWrittenIntoTheNameSettlesWhichOfTwoSameNamedModelsIsMeant() {
        ModelUniverse hub = new ModelUniverse()
                .add(llama("other-org/Mistral-7B-Instruct-v0.2", Instant.parse("2023-12-01T00:00:00Z"), 7_241_732_096L))
                .add(llama("mistralai/Mistral-7B-Instruct-v0.2", Instant.parse("2023-12-11T00:00:00Z"), 7_241_732_096L));
        ModelFacts child = gguf("RichardErkhov/mistralai_-_Mistral-7B-Instruct-v0.2-gguf",
                Instant.parse("2024-05-01T00:00:00Z"), 7_241_732_096L);

        Inference inference = finder.infer(child, hub).orElseThrow();

        assertThat(inference.parent()).isEqualTo("mistralai/Mistral-7B-Instruct-v0.2");
        assertThat(inference.signals()).contains(Signal.NAME_WITH_AUTHOR);
        assertThat(inference.confidence()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void aCandidateUploadedAfterTheModelIsNeverItsParent() {
        ModelUniverse hub = new ModelUniverse().add(llama("late/Zeta-7B", JULY_2023.plusSeconds(86_400 * 10), null));
        assertThat(finder.infer(gguf("TheBloke/Zeta-7B-GGUF", JULY_2023, null), hub)).isEmpty();
    }

    @Test
    void anOlderModelOfAnotherArchitectureWithTheSameNameIsRefused() {
        ModelUniverse hub = new ModelUniverse()
                .add(new ModelFacts("old/Orion-7B", List.of(), JULY_2023.minusSeconds(86_400 * 400), "gpt2", List.of(), null,
                        null, List.of(), "transformers", 10L, null, false));
        Inference inference = finder.infer(gguf("TheBloke/Orion-7B-GGUF", JULY_2023, null), hub).orElseThrow();
        assertThat(inference.confidence()).isLessThan(0.2);
        assertThat(inference.evidence()).contains("architecture differs (llama vs gpt2)");
    }

    @Test
    void aCardThatNamesItsParentOnlyInProseIsReadWhenTheNameSaysNothing() {
        ModelUniverse hub = new ModelUniverse()
                .add(llama("mistralai/Mistral-7B-v0.1", Instant.parse("2023-09-20T00:00:00Z"), 7_241_732_096L))
                .card("lab/Pirate-Chat", "# Pirate Chat\nThis model is a fine-tuned version of "
                        + "[mistralai/Mistral-7B-v0.1](https://huggingface.co/mistralai/Mistral-7B-v0.1) on pirate dialogues.");
        ModelFacts child = new ModelFacts("lab/Pirate-Chat", List.of(), Instant.parse("2023-11-01T00:00:00Z"), "mistral",
                List.of("MistralForCausalLM"), null, 7_241_732_096L, List.of(), "transformers", 50L, null, false);

        Inference inference = finder.infer(child, hub).orElseThrow();

        assertThat(inference.parent()).isEqualTo("mistralai/Mistral-7B-v0.1");
        assertThat(inference.relation()).isEqualTo(Relation.FINETUNE);
        assertThat(inference.signals()).contains(Signal.CARD_FINETUNE);
        assertThat(inference.evidence().get(0)).startsWith("card: \"fine-tuned version of [mistralai/Mistral-7B-v0.1]");
    }

    @Test
    void aNameThatSaysNothingInfersNothingAndCostsOneSearch() {
        ModelUniverse hub = new ModelUniverse().add(llama("meta-llama/Llama-2-7b-hf", JULY_2023, 6_738_415_616L));
        assertThat(finder.infer(llama("someone/my-first-model", JULY_2023.plusSeconds(86_400 * 100), null), hub)).isEmpty();
        assertThat(hub.searches()).isEqualTo(1);
    }

    @Test
    void aModelsOwnQuantizationIsNoParentOfIt() {
        ModelUniverse hub = new ModelUniverse().add(gguf("TheBloke/Kimiko-7B-GGUF", JULY_2023.minusSeconds(86_400), null));
        assertThat(finder.infer(llama("nRuaif/Kimiko-7B", null, null), hub)).isEmpty();
    }

    @Test
    void aCatalogueEntryIsNeverGivenAParent() {
        ModelUniverse hub = new ModelUniverse().add(llama("meta-llama/Llama-2-7b-hf", JULY_2023, null));
        ModelFacts catalogued = new ModelFacts("huggyllama/llama-2-7b-hf", List.of(), JULY_2023.plusSeconds(86_400), "llama",
                List.of(), null, null, List.of(), null, null, null, true);
        assertThat(finder.infer(catalogued, hub)).isEmpty();
    }

    @Test
    void twoSameNamedModelsThatNothingButAgeTellsApartAreAnAmbiguousCallAndNoLink() {
        ModelUniverse hub = new ModelUniverse()
                .add(llama("meta-llama/Llama-2-13b-chat-hf", JULY_2023, 13_015_864_320L))
                .add(llama("NousResearch/Llama-2-13b-chat-hf", JULY_2023.plusSeconds(86_400 * 2), 13_015_864_320L));
        ModelFacts gguf = gguf("TheBloke/Llama-2-13B-chat-GGUF", JULY_2023.plusSeconds(86_400 * 41), 13_015_864_320L);

        Inference inference = finder.infer(gguf, hub).orElseThrow();

        assertThat(inference.ambiguous()).isTrue();
        assertThat(inference.confidence()).isLessThan(InferenceSettings.DEFAULT_MIN_CONFIDENCE);
    }

    @Test
    void theCardsCreatorByDisplayNameSettlesACollisionEvenAgainstAnOlderMoreDownloadedNamesake() {
        ModelUniverse hub = new ModelUniverse()
                .add(used(llama("KoboldAI/13B-BlueMethod", JULY_2023, 13_015_864_320L), 9_000L, 40L))
                .add(used(llama("CalderaAI/13B-BlueMethod", JULY_2023.plusSeconds(86_400 * 3), 13_015_864_320L), 1_571L, 158L));
        ModelFacts gguf = gguf("TheBloke/13B-BlueMethod-GGUF", JULY_2023.plusSeconds(86_400 * 60), 13_015_864_320L)
                .withListing(null, List.of(), new ListedCard("Caldera AI", "TheBloke", List.of("13B BlueMethod")));

        Inference inference = finder.infer(gguf, hub).orElseThrow();

        assertThat(inference.parent()).isEqualTo("CalderaAI/13B-BlueMethod");
        assertThat(inference.confidence()).isGreaterThanOrEqualTo(InferenceSettings.DEFAULT_MIN_CONFIDENCE);
        assertThat(inference.signals()).contains(Signal.CREATOR);
        assertThat(inference.evidence()).contains("card's creator \"Caldera AI\" = owner CalderaAI");
    }

    static ModelFacts used(ModelFacts m, Long downloads, Long likes) {
        return new ModelFacts(m.id(), m.aliases(), m.createdAt(), m.modelType(), m.architectures(), m.ggufArchitecture(), m.parameters(),
                m.tags(), m.libraryName(), downloads, m.card(), m.catalogued(), likes, m.publishers(), m.listed());
    }

    static ModelFacts llama(String id, Instant created, Long parameters) {
        return new ModelFacts(id, List.of(), created, "llama", List.of("LlamaForCausalLM"), null, parameters, List.of(),
                "transformers", 1_000L, null, false);
    }

    static ModelFacts gguf(String id, Instant created, Long parameters) {
        return new ModelFacts(id, List.of(), created, null, List.of(), "llama", parameters, List.of("gguf"), "gguf", 100L,
                null, false);
    }
}
