package org.llmtracker.crawler.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.inference.CardMentions.Kind;
import org.llmtracker.crawler.inference.CardMentions.Mention;

class CardMentionsTests {

    @Test
    void theBlokesCardNamesTheOriginalInAPhraseAndALink() {
        String card = """
                # Llama 2 13B Chat - GGUF
                - Model creator: [Meta Llama 2](https://huggingface.co/meta-llama)
                - Original model: [Llama 2 13B Chat](https://huggingface.co/meta-llama/Llama-2-13b-chat-hf)

                ## Description
                This repo contains GGUF format model files for [Meta Llama 2's Llama 2 13B Chat](https://huggingface.co/meta-llama/Llama-2-13b-chat-hf).
                """;
        assertThat(CardMentions.read(card)).extracting(Mention::kind, Mention::id)
                .contains(tuple(Kind.QUANTIZED_PHRASE, "meta-llama/Llama-2-13b-chat-hf"),
                        tuple(Kind.LINK, "meta-llama/Llama-2-13b-chat-hf"))
                .doesNotContain(tuple(Kind.LINK, "meta-llama"));
    }

    @Test
    void aTrainerCardSaysFineTunedVersionOf() {
        String card = "This model is a fine-tuned version of [mistralai/Mistral-7B-v0.1](https://huggingface.co/mistralai/Mistral-7B-v0.1) on the HuggingFaceH4/ultrachat_200k dataset.";
        assertThat(CardMentions.read(card)).extracting(Mention::kind, Mention::id)
                .contains(tuple(Kind.FINETUNE_PHRASE, "mistralai/Mistral-7B-v0.1"));
    }

    @Test
    void aPhraseMayNameTheModelWithoutAnId() {
        assertThat(CardMentions.read("A quantized version of Llama-2-13B-chat, made with llama.cpp."))
                .extracting(Mention::kind, Mention::name)
                .containsExactly(tuple(Kind.QUANTIZED_PHRASE, "Llama-2-13B-chat"));
    }

    @Test
    void theFrontMatterIsADeclarationNotEvidence() {
        assertThat(CardMentions.read("---\nbase_model: a/b\n---\n# Hello\n")).isEmpty();
    }

    @Test
    void datasetAndSpaceLinksAreNoModels() {
        assertThat(CardMentions.read("see https://huggingface.co/datasets/a/b and https://huggingface.co/spaces/c/d")).isEmpty();
    }
}
