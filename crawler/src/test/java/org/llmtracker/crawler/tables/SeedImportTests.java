package org.llmtracker.crawler.tables;

import org.llmtracker.crawler.catalog.CatalogLoader;

import org.llmtracker.crawler.catalog.CatalogYaml;

import org.llmtracker.crawler.catalog.CatalogValidator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.BaseModelRef;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.model.Relation;

/** The importer on the real seed document (a copy under test resources). */
class SeedImportTests {

    private static ImportResult result;
    private static Map<String, CatalogEntry> byId;

    @BeforeAll
    static void importSeed() throws IOException {
        try (InputStream in = SeedImportTests.class.getResourceAsStream("/catalog/llm-tracking-seed.md")) {
            result = new TableImporter().importMarkdown(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        byId = result.entries().stream().collect(Collectors.toMap(CatalogEntry::id, Function.identity()));
    }

    private static BaseModelRef base(String id) {
        return new BaseModelRef(id, Relation.UNKNOWN, List.of());
    }

    @Test
    void importsEveryRowOnceAndTheBaseModelsTheRowsName() {
        // 13 foreign rows + 22 domestic rows (the table numbers them 1..23 but has no 6), LLaMA in both.
        assertThat(result.entries()).hasSize(39);
        assertThat(result.entries()).filteredOn(e -> "foreign".equals(e.region())).hasSize(13);
        assertThat(result.entries()).filteredOn(e -> "domestic".equals(e.region())).hasSize(21);
        assertThat(result.entries()).filteredOn(e -> e.region() == null).extracting(CatalogEntry::id)
                .containsExactly("gpt-3", "gpt-neox-20b", "promptclue-large", "opt-13b", "bloom");
    }

    @Test
    void givesEachRowAnIdFromItsName() {
        assertThat(result.entries()).extracting(CatalogEntry::id).startsWith(
                "chatgpt", "llama", "openchatkit", "lamda", "gpt-4", "palm-rlhf-pytorch", "gptrillion", "openflamingo",
                "llava", "minigpt-4", "redpajama", "stanford-alpaca", "mplug-owl",
                "chatyuan", "belle", "glm-130", "chatglm", "entry-18", "entry-19", "colossalai", "chatdoctor",
                "colossalchat", "alpaca", "luotuo", "lmflow", "chinese-llama-alpaca", "chatllama", "deepspeed-chat",
                "dolly-2-0", "open-llama", "moss", "alpaca-cot", "stackllama", "huatuo");
        assertThat(byId.get("entry-18").name()).isEqualTo("文心一言");
        assertThat(byId.get("huatuo").name()).isEqualTo("华驼(HuaTuo)");
    }

    @Test
    void readsChatGpt() {
        CatalogEntry chatGpt = byId.get("chatgpt");
        assertThat(chatGpt.name()).isEqualTo("chatGPT");
        assertThat(chatGpt.kind()).isEqualTo("model");
        assertThat(chatGpt.organisation()).isEqualTo("openAI");
        assertThat(chatGpt.parameters()).isEqualTo("175B");
        assertThat(chatGpt.openSource()).isFalse();
        assertThat(chatGpt.baseModels()).containsExactly(base("gpt-3"));
        assertThat(chatGpt.releasedAt()).isEqualTo("2022-12-24");
        assertThat(chatGpt.links()).containsExactly("https://zhuanlan.zhihu.com/p/473001104");
        assertThat(chatGpt.region()).isEqualTo("foreign");
    }

    @Test
    void readsLlamaAndMergesItsSecondRow() {
        CatalogEntry llama = byId.get("llama");
        assertThat(llama.parameters()).isEqualTo("7B/13B/33B/65B");
        assertThat(llama.releasedAt()).isEqualTo("2023-02-27");
        assertThat(llama.region()).isEqualTo("foreign");
        assertThat(llama.organisation()).isEqualTo("mate");
        assertThat(llama.baseModels()).as("the domestic row names LLaMA as its own base").isEmpty();
        assertThat(llama.links()).singleElement().asString().startsWith("https://scontent-frt3-2.xx.fbcdn.net/");
        assertThat(result.warnings()).contains("4.2 国内模型, row 9 'LLaMA': the same project as 4.1 国外模型, row 2"
                + " 'LLaMA'; merged");
    }

    @Test
    void readsChatGlmWithItsGluedLinks() {
        CatalogEntry chatGlm = byId.get("chatglm");
        assertThat(chatGlm.parameters()).isEqualTo("6B");
        assertThat(chatGlm.openSource()).isTrue();
        assertThat(chatGlm.releasedAt()).isEqualTo("2023-03-15");
        assertThat(chatGlm.links()).containsExactly("https://github.com/THUDM/ChatGLM-6B",
                "https://baijiahao.baidu.com/s?id=1760779859324903890&wfr=spider&for=pc", "https://chatglm.cn/blog");
        assertThat(chatGlm.githubRepositories()).containsExactly("THUDM/ChatGLM-6B");
        assertThat(chatGlm.baseModels()).as("its base cell describes the architecture").isEmpty();
    }

    @Test
    void readsMoss() {
        assertThat(byId.get("moss").parameters()).isEqualTo("16B");
        assertThat(byId.get("moss").releasedAt()).isEqualTo("2023-04-21");
        assertThat(byId.get("moss").organisation()).isEqualTo("复旦大学");
    }

    @Test
    void splitsColossalChatsGluedLinks() {
        CatalogEntry colossalChat = byId.get("colossalchat");
        assertThat(colossalChat.links()).startsWith("https://mp.weixin.qq.com/s/V5pCvYvkPXwiMw-FNIErXw",
                "https://github.com/hpcaitech/ColossalAI");
        assertThat(colossalChat.githubRepositories()).containsExactly("hpcaitech/ColossalAI");
        assertThat(colossalChat.baseModels()).containsExactly(base("llama"));
    }

    @Test
    void readsBothAlpacaRepositories() {
        assertThat(byId.get("alpaca").githubRepositories()).containsExactly("tatsu-lab/stanford_alpaca", "tloen/alpaca-lora");
        assertThat(byId.get("alpaca").links()).contains("https://arxiv.org/pdf/2212.10560.pdf");
        assertThat(byId.get("stanford-alpaca").baseModels()).as("LLaMA-7B is LLaMA").containsExactly(base("llama"));
    }

    @Test
    void readsAClosedBetaAsNotOpenSource() {
        assertThat(byId.get("glm-130").openSource()).isFalse();
        assertThat(byId.get("glm-130").parameters()).isEqualTo("130B");
    }

    @Test
    void readsDollysHuggingFaceModel() {
        assertThat(byId.get("dolly-2-0").name()).isEqualTo("Dolly 2.0");
        assertThat(byId.get("dolly-2-0").huggingfaceIds()).containsExactly("databricks/dolly-v2-12");
        assertThat(byId.get("stackllama").huggingfaceIds()).as("a blog post and a Space are not models").isEmpty();
    }

    @Test
    void leavesEmptyCellsEmpty() {
        assertThat(byId.get("lamda")).isEqualTo(new CatalogEntry("lamda", "LaMDA", "model", null, "foreign", null, null,
                null, null, null, List.of(), List.of(), List.of(), List.of()));
    }

    @Test
    void readsDatesWrittenInChinese() {
        assertThat(byId.get("llava").releasedAt()).isEqualTo("2023-04-19");
        assertThat(byId.get("mplug-owl").releasedAt()).isEqualTo("2023-05-07");
        assertThat(byId.get("palm-rlhf-pytorch").releasedAt()).isEqualTo("2023-04");
        assertThat(byId.get("chatyuan").releasedAt()).isEqualTo("2023-02-03");
    }

    @Test
    void findsBaseModelsInsideProse() {
        assertThat(byId.get("openflamingo").baseModels()).as("基于LLaMA的 ...").containsExactly(base("llama"));
        assertThat(byId.get("belle").baseModels()).as("中文版本的LLaMA").containsExactly(base("llama"));
        assertThat(byId.get("chatyuan").baseModels()).containsExactly(base("promptclue-large"));
        assertThat(byId.get("alpaca-cot").baseModels()).containsExactly(base("llama"), base("chatglm"), base("bloom"));
        assertThat(byId.get("deepspeed-chat").baseModels()).containsExactly(base("opt-13b"));
    }

    @Test
    void addsBaseModelsThatAreNotRowsWithoutFacts() {
        assertThat(byId.get("gpt-neox-20b")).isEqualTo(new CatalogEntry("gpt-neox-20b", "GPT-NeoX-20B", "model", null,
                null, null, null, null, null, null, List.of(), List.of(), List.of(), List.of()));
        assertThat(result.warnings()).contains("4.1 国外模型, row 1 'chatGPT', baseModels: 'GPT-3' is not a row of the"
                + " document; added it as an entry");
    }

    @Test
    void warnsAboutCellsItCouldNotRead() {
        assertThat(byId.get("openchatkit").openSource()).isNull();
        assertThat(byId.get("redpajama").parameters()).isNull();
        assertThat(result.warnings()).contains(
                "4.1 国外模型, row 3 'OpenChatKit', openSource: 'GPT-NeoX-20B' is neither 是 nor 否; left empty",
                "4.1 国外模型, row 11 'RedPajama', parameters: '1.2万亿token的数据集' is the size of a data set, not a"
                        + " parameter count; left empty",
                "4.1 国外模型, row 6 'PaLM-rlhf-pytorch', baseModels: ignored text that does not name a model:"
                        + " 'Pathways系统'",
                "4.2 国内模型, row 9 'LLaMA', baseModels: 'LLaMA' is the project itself; ignored");
        assertThat(result.warnings()).hasSize(15);
    }

    @Test
    void producesAValidCatalogueThatSurvivesYaml() {
        assertThat(new CatalogValidator().check(result.entries())).isEmpty();
        String yaml = CatalogYaml.write(result.entries());
        assertThat(new CatalogLoader().parse(yaml, "imported.yaml")).isEqualTo(result.entries());
    }
}
