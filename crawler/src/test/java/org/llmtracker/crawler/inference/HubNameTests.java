package org.llmtracker.crawler.inference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HubNameTests {

    @Test
    void quantizersNamesShareTheOriginalsStem() {
        String original = HubName.parse("meta-llama/Llama-2-13b-chat-hf").stem();
        assertThat(original).isEqualTo("llama-2-13b-chat");
        for (String copy : new String[] {"TheBloke/Llama-2-13B-chat-GGUF", "TheBloke/Llama-2-13B-chat-GPTQ",
                "TheBloke/Llama-2-13B-chat-AWQ", "LoneStriker/Llama-2-13b-chat-hf-4.0bpw-h6-exl2",
                "mlx-community/Llama-2-13b-chat-4bit", "unsloth/llama-2-13b-chat-bnb-4bit",
                "someone/Llama-2-13B-chat-Q4_K_M-GGUF", "mradermacher/Llama-2-13b-chat-i1-GGUF",
                "TheBloke/Llama-2-13B-chat-fp16", "neuralmagic/Llama-2-13b-chat-quantized.w4a16"}) {
            assertThat(HubName.parse(copy).stem()).as(copy).isEqualTo(original);
        }
    }

    @Test
    void formatMarksAreKeptAsSpelledAndSizesStayInTheStem() {
        HubName name = HubName.parse("bartowski/Mixtral-8x7B-Instruct-v0.1-IQ4_XS-GGUF");
        assertThat(name.formats()).containsExactly("IQ4_XS", "GGUF");
        assertThat(name.quantized()).isTrue();
        assertThat(name.stem()).isEqualTo("mixtral-8x7b-instruct-0-1");
        assertThat(name.sizeInBillions()).isEqualTo(56.0);
        assertThat(HubName.parse("a/Llama-2-7b").stem()).isNotEqualTo(HubName.parse("a/Llama-2-13b").stem());
    }

    @Test
    void aLosslessConversionIsFormattedButNotQuantized() {
        HubName fp16 = HubName.parse("TheBloke/Llama-2-13B-fp16");
        assertThat(fp16.formatted()).isTrue();
        assertThat(fp16.quantized()).isFalse();
    }

    @Test
    void versionsCompareByTheirNumbers() {
        assertThat(HubName.parse("TheBloke/WizardLM-13B-1.0-GGUF").stem())
                .isEqualTo(HubName.parse("WizardLM/WizardLM-13B-V1.0").stem());
        assertThat(HubName.parse("TheBloke/Airoboros-L2-13B-2_1-YaRN-64K-GGUF").stem())
                .isEqualTo(HubName.parse("bhenrym14/airoboros-l2-13b-2.1-YaRN-64k").stem());
    }

    @Test
    void anAuthorWrittenIntoTheNameIsFoundForThatAuthor() {
        HubName parent = HubName.parse("mistralai/Mistral-7B-Instruct-v0.2");
        assertThat(HubName.parse("RichardErkhov/mistralai_-_Mistral-7B-Instruct-v0.2-gguf").stemsAfterAuthor(parent))
                .contains(parent.stem());
        assertThat(HubName.parse("bartowski/mistralai_Mistral-7B-Instruct-v0.2-GGUF").stemsAfterAuthor(parent))
                .contains(parent.stem());
        HubName llama = HubName.parse("meta-llama/Llama-3.1-8B-Instruct");
        assertThat(HubName.parse("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF").stemsAfterAuthor(llama)).contains(llama.stem());
        assertThat(HubName.parse("TheBloke/Llama-2-7B-GGUF").stemsAfterAuthor(parent)).isEmpty();
    }

    @Test
    void searchAsksForTheNameWithoutMarksAndWithoutAnEmbeddedAuthor() {
        assertThat(HubName.parse("RichardErkhov/mistralai_-_Mistral-7B-Instruct-v0.2-gguf").searchTexts())
                .containsExactly("mistralai_-_Mistral-7B-Instruct-v0.2", "Mistral-7B-Instruct-v0.2");
        assertThat(HubName.parse("TheBloke/openchat_3.5-GGUF").searchTexts()).containsExactly("openchat_3.5");
    }
}
