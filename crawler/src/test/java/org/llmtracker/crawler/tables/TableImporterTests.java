package org.llmtracker.crawler.tables;

import org.llmtracker.crawler.catalog.CatalogValidator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.BaseModelRef;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.model.Relation;

/** The importer on small documents, each showing one behaviour. */
class TableImporterTests {

    private final TableImporter importer = new TableImporter();

    private static BaseModelRef base(String id) {
        return new BaseModelRef(id, Relation.UNKNOWN, List.of());
    }

    @Test
    void importsAnHtmlTableWithEnglishHeaders() {
        ImportResult result = importer.importHtml("""
                <html><body>
                <h2>Domestic models</h2>
                <table>
                  <thead><tr><th>#</th><th>Name</th><th>Organisation</th><th>Parameters</th><th>Open source</th>
                      <th>Base model</th><th>Release date</th><th>Links</th></tr></thead>
                  <tbody>
                    <tr><td>1</td><td><b>Vicuna</b></td><td>LMSYS</td><td>7B/13B</td><td>yes</td><td>LLaMA-13B</td>
                        <td>2023-3-30</td>
                        <td><a href="https://github.com/lm-sys/FastChat">code</a><br>https://huggingface.co/lmsys/vicuna-13b-delta-v0</td></tr>
                    <tr><td>2</td><td>LLaMA</td><td>Meta AI</td><td>65B</td><td></td><td></td><td>2023年2月</td><td></td></tr>
                  </tbody>
                </table>
                </body></html>
                """);
        assertThat(result.entries()).containsExactly(
                new CatalogEntry("vicuna", "Vicuna", "model", "LMSYS", "domestic", "7B/13B", true, "2023-03-30", null,
                        null, List.of("lm-sys/FastChat"), List.of("lmsys/vicuna-13b-delta-v0"), List.of(base("llama")),
                        List.of("https://github.com/lm-sys/FastChat", "https://huggingface.co/lmsys/vicuna-13b-delta-v0")),
                new CatalogEntry("llama", "LLaMA", "model", "Meta AI", "domestic", "65B", null, "2023-02", null, null,
                        List.of(), List.of(), List.of(), List.of()));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void importsATableWithoutHeadingOrTheadAndLeavesTheRegionOpen() {
        ImportResult result = importer.importHtml("""
                <table><tr><td>名称</td><td>组织</td><td>推出日期</td></tr>
                <tr><td>MOSS</td><td>复旦大学</td><td>2023年4月21日</td></tr></table>
                """);
        assertThat(result.entries()).singleElement().satisfies(e -> {
            assertThat(e.region()).isNull();
            assertThat(e.releasedAt()).isEqualTo("2023-04-21");
        });
    }

    @Test
    void ignoresTablesThatDoNotListProjects() {
        ImportResult result = importer.importMarkdown("""
                | 名称 | 特点 |
                | --- | --- |
                | LLaMA | 开源 |

                | Step | Name | Date |
                | --- | --- | --- |
                | 1 | SFT | 2023 |
                """);
        assertThat(result.entries()).isEmpty();
    }

    @Test
    void mergesRowsOfOneProjectKeepingTheFirstFacts() {
        ImportResult result = importer.importMarkdown("""
                ## 国外

                | 名称 | 组织 | 参数量 | 参考链接 |
                | --- | --- | --- | --- |
                | LLaMA | Meta | 65B | https://arxiv.org/abs/2302.13971 |

                ## 国内

                | 名称 | 组织 | 参数量 | 参考链接 |
                | --- | --- | --- | --- |
                | **llama** | Meta AI |  | https://github.com/facebookresearch/llama |
                """);
        assertThat(result.entries()).containsExactly(new CatalogEntry("llama", "LLaMA", "model", "Meta", "foreign", "65B",
                null, null, null, null, List.of("facebookresearch/llama"), List.of(), List.of(),
                List.of("https://arxiv.org/abs/2302.13971", "https://github.com/facebookresearch/llama")));
        assertThat(result.warnings()).containsExactly(
                "国内, row 1 'llama': the same project as 国外, row 1 'LLaMA'; merged",
                "国内, row 1 'llama', organisation: 'Meta AI' differs from 'Meta' in 国外, row 1; kept 'Meta'",
                "国内, row 1 'llama', region: 'domestic' differs from 'foreign' in 国外, row 1; kept 'foreign'");
    }

    @Test
    void matchesBaseModelsByNormalisedNameAndAddsTheMissingOnes() {
        ImportResult result = importer.importMarkdown("""
                | 名称 | base模型 | 参数量 |
                | --- | --- | --- |
                | Alpaca | llama 7b | 7B |
                | Alpaca-CoT | LLaMA、ChatGLM，Bloom-7B1, alpaca | |
                | LLaMA | | 65B |
                """);
        assertThat(result.entries()).extracting(CatalogEntry::id)
                .containsExactly("alpaca", "alpaca-cot", "llama", "chatglm", "bloom-7b1");
        assertThat(result.entries().get(0).baseModels()).containsExactly(base("llama"));
        assertThat(result.entries().get(1).baseModels())
                .containsExactly(base("llama"), base("chatglm"), base("bloom-7b1"), base("alpaca"));
        assertThat(new CatalogValidator().check(result.entries())).isEmpty();
    }

    @Test
    void breaksABaseModelCycleWithAWarning() {
        ImportResult result = importer.importMarkdown("""
                | 名称 | base模型 | 参数量 |
                | --- | --- | --- |
                | A | B | |
                | B | A | |
                """);
        assertThat(result.entries().get(0).baseModels()).containsExactly(base("b"));
        assertThat(result.entries().get(1).baseModels()).isEmpty();
        assertThat(result.warnings()).containsExactly("table 1, row 2 'B', baseModels: 'A' would close a lineage cycle;"
                + " ignored");
    }

    @Test
    void givesIdsToNamesWithoutLatinLettersAndToNamesThatCollide() {
        ImportResult result = importer.importMarkdown("""
                | 名称 | 组织 | 参数量 |
                | --- | --- | --- |
                | 文心一言 | 百度 | |
                | 华驼(HuaTuo) | 哈工大 | 7B |
                | GPT 3.5 | OpenAI | |
                | GPT-3-5 | OpenAI | |
                """);
        assertThat(result.entries()).extracting(CatalogEntry::id).containsExactly("entry-1", "huatuo", "gpt-3-5", "gpt-3-5-2");
    }

    @Test
    void skipsRowsWithoutANameAndBlankRows() {
        ImportResult result = importer.importHtml("""
                <table><tr><th>Name</th><th>Organisation</th><th>Parameters</th></tr>
                <tr><td></td><td>Nobody</td><td>7B</td></tr>
                <tr><td> </td><td></td><td></td></tr>
                <tr><td>Real</td><td></td><td></td></tr></table>
                """);
        assertThat(result.entries()).extracting(CatalogEntry::id).containsExactly("real");
        assertThat(result.warnings()).containsExactly("table 1, row 1: no name; row skipped");
    }

    @Test
    void leavesOutAHuggingFaceIdTwoRowsClaim() {
        ImportResult result = importer.importMarkdown("""
                | 名称 | 参数量 | 参考链接 |
                | --- | --- | --- |
                | Dolly | 12B | https://huggingface.co/databricks/dolly-v2-12b |
                | Dolly 2.0 | 12B | https://huggingface.co/databricks/dolly-v2-12b |
                """);
        assertThat(result.entries().get(1).huggingfaceIds()).isEmpty();
        assertThat(result.warnings()).containsExactly("table 1, row 2 'Dolly 2.0', huggingfaceIds:"
                + " 'databricks/dolly-v2-12b' already stands for 'Dolly'; left out");
    }

    @Test
    void takesRepositoriesOnlyFromTheLinkColumnWhenThereIsOne() {
        ImportResult result = importer.importMarkdown("""
                | 名称 | 特点 | 参数量 | 参考链接 |
                | --- | --- | --- | --- |
                | Chinese-LLaMA-Alpaca | 参考了 [run_clm.py](https://github.com/huggingface/transformers/blob/main/run_clm.py) | | https://github.com/ymcui/Chinese-LLaMA-Alpaca |
                """);
        CatalogEntry entry = result.entries().get(0);
        assertThat(entry.githubRepositories()).containsExactly("ymcui/Chinese-LLaMA-Alpaca");
        assertThat(entry.links()).containsExactly("https://github.com/ymcui/Chinese-LLaMA-Alpaca",
                "https://github.com/huggingface/transformers/blob/main/run_clm.py");
    }
}
