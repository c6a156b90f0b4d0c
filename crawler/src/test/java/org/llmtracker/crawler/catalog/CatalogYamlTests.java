package org.llmtracker.crawler.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.llmtracker.graph.catalog.BaseModelRef;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;

class CatalogYamlTests {

    private final CatalogLoader loader = new CatalogLoader();

    private static CatalogEntry entry(String id, String name, String description) {
        return new CatalogEntry(id, name, "model", null, null, null, null, null, null, description, null, null, null,
                null);
    }

    @Test
    void writesTheShippedCatalogueBackToEqualEntries() {
        List<CatalogEntry> shipped = loader.loadShipped();
        assertThat(loader.parse(CatalogYaml.write(shipped), "written.yaml")).isEqualTo(shipped);
    }

    @Test
    void writesFieldsInTheCatalogueOrderLeavingOutAbsentOnes() {
        CatalogEntry alpaca = new CatalogEntry("alpaca", "Stanford Alpaca", "model", "Stanford University", "foreign",
                "7B", true, "2023-03-13", "Apache-2.0", "LLaMA-7B fine-tuned on 52K instructions.",
                List.of("tatsu-lab/stanford_alpaca"), List.of(),
                List.of(new BaseModelRef("llama", Relation.FINETUNE, List.of(Stage.SFT))),
                List.of("https://github.com/tatsu-lab/stanford_alpaca"));
        assertThat(CatalogYaml.write(List.of(entry("llama", "LLaMA", null), alpaca), "Test catalogue.")).isEqualTo("""
                # Test catalogue.

                entries:

                  - id: llama
                    name: LLaMA
                    kind: model

                  - id: alpaca
                    name: Stanford Alpaca
                    kind: model
                    organisation: Stanford University
                    region: foreign
                    parameters: 7B
                    openSource: true
                    releasedAt: "2023-03-13"
                    license: Apache-2.0
                    description: LLaMA-7B fine-tuned on 52K instructions.
                    githubRepositories: [tatsu-lab/stanford_alpaca]
                    baseModels:
                      - id: llama
                        relation: FINETUNE
                        stages: [SFT]
                    links:
                      - https://github.com/tatsu-lab/stanford_alpaca
                """);
    }

    @Test
    void writesAnEmptyCatalogueThatLoads() {
        assertThat(CatalogYaml.write(List.of())).isEqualTo("entries: []\n");
        assertThat(loader.parse(CatalogYaml.write(List.of()), "empty.yaml")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "No", "null", "~", "2023", "1.5", "1e3", "0x1F", ".inf", "2023-02-27", "- dash",
            "a: b", "a #b", "ends:", "#hash", "'single'", "\"double\"", "back\\slash", " padded ", "line\nbreak",
            "tab\there", "[flow]", "{map}", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick", "|pipe",
            ">fold", "?query", ", comma", "中文名称（括号）", "emoji 🦙", "\u2028separator", "https://a.org/?q=1&x=#frag"})
    void quotesWhateverYamlWouldReadAsSomethingElse(String text) {
        CatalogEntry tricky = new CatalogEntry("tricky", text, "model", text, null, null, null, null, text, text,
                List.of(), List.of(), List.of(), List.of());
        assertThat(loader.parse(CatalogYaml.write(List.of(tricky)), "tricky.yaml")).containsExactly(tricky);
    }

    @Test
    void quotesFlowListItemsThatWouldBreakTheList() {
        assertThat(CatalogYaml.scalar("a,b", true)).isEqualTo("\"a,b\"");
        assertThat(CatalogYaml.scalar("a,b", false)).isEqualTo("a,b");
        assertThat(CatalogYaml.scalar("7B/13B", false)).isEqualTo("7B/13B");
    }
}
