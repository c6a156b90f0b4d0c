package org.llmtracker.crawler.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.BaseModelRef;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;

class ShippedCatalogTests {

    private final List<CatalogEntry> entries = new CatalogLoader().loadShipped();
    private final Map<String, CatalogEntry> byId = entries.stream()
            .collect(Collectors.toMap(CatalogEntry::id, Function.identity()));

    @Test
    void loadsAndPassesEveryRule() {
        assertThat(entries).hasSize(56);
        assertThat(new CatalogValidator().check(entries)).isEmpty();
    }

    @Test
    void hasEverySeedProject() {
        assertThat(byId).containsKeys(
                // table 4.1
                "chatgpt", "llama", "openchatkit", "lamda", "gpt-4", "palm-rlhf-pytorch", "gptrillion", "openflamingo",
                "llava", "minigpt-4", "redpajama", "alpaca", "mplug-owl",
                // table 4.2
                "chatyuan", "belle", "glm-130b", "chatglm", "ernie-bot", "visual-openllm", "colossalai", "chatdoctor",
                "colossalchat", "luotuo", "lmflow", "chinese-llama-alpaca", "chatllama", "deepspeed-chat", "dolly-2",
                "open-llama", "moss", "alpaca-cot", "stackllama", "huatuo");
    }

    @Test
    void theLlamaAndGlmLinesContinueAsNewVersionsNotAsDerivations() {
        assertThat(List.of("llama-2", "llama-3", "llama-3.1", "llama-3.2", "llama-3.3", "llama-4"))
                .extracting(id -> byId.get(id).newVersionOf())
                .containsExactly("llama", "llama-2", "llama-3", "llama-3.1", "llama-3.2", "llama-3.3");
        assertThat(List.of("chatglm2", "chatglm3", "glm-4", "glm-4.5")).extracting(id -> byId.get(id).newVersionOf())
                .containsExactly("chatglm", "chatglm2", "chatglm3", "glm-4");
        assertThat(List.of("llama-2", "llama-3", "llama-3.1", "llama-3.2", "llama-3.3", "llama-4", "chatglm2"))
                .allSatisfy(id -> assertThat(byId.get(id).baseModels()).isEmpty());
        assertThat(byId.get("llama-3.1").huggingfaceIds()).contains("meta-llama/Llama-3.1-8B");
    }

    @Test
    void alpacaIsASupervisedFineTuneOfLlama() {
        assertThat(byId.get("alpaca").baseModels())
                .containsExactly(new BaseModelRef("llama", Relation.FINETUNE, List.of(Stage.SFT)));
    }

    @Test
    void chineseLlamaAlpacaExtendsTheVocabularyThenContinuesPretrainingThenFineTunes() {
        assertThat(byId.get("chinese-llama-alpaca").baseModels()).containsExactly(new BaseModelRef("llama",
                Relation.CONTINUED_PRETRAINING,
                List.of(Stage.VOCAB_EXTENSION, Stage.CONTINUED_PRETRAINING, Stage.SFT)));
    }

    @Test
    void chatYuanWentThroughSupervisedFineTuningOnly() {
        assertThat(byId.get("chatyuan").baseModels())
                .containsExactly(new BaseModelRef("promptclue", Relation.FINETUNE, List.of(Stage.SFT)));
    }

    @Test
    void chatGptWentThroughTheWholeRlhfPipeline() {
        assertThat(byId.get("chatgpt").baseModels()).singleElement()
                .satisfies(b -> assertThat(b.stages()).containsExactly(Stage.SFT, Stage.RM, Stage.PPO));
    }

    @Test
    void readsFactsAsWritten() {
        CatalogEntry llama = byId.get("llama");
        assertThat(llama.parameters()).isEqualTo("7B/13B/33B/65B");
        assertThat(llama.releasedAt()).isEqualTo("2023-02-27");
        assertThat(llama.openSource()).isNull();
        assertThat(byId.get("glm-130b").openSource()).isFalse();
        assertThat(byId.get("dolly-2").huggingfaceIds()).containsExactly("databricks/dolly-v2-12b");
        assertThat(byId.get("deepspeed-chat").githubRepositories())
                .containsExactly("microsoft/DeepSpeed", "microsoft/DeepSpeedExamples");
    }
}
