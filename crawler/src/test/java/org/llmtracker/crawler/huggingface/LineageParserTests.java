package org.llmtracker.crawler.huggingface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.huggingface.testing.Recorded;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.Rename;
import org.llmtracker.graph.model.Relation;

class LineageParserTests {

    private final LineageParser parser = new LineageParser(64);

    @Test
    void aRecordedFinetuneIsNamedByBothTagAndCard() throws Exception {
        Lineage lineage = parser.parse(new HubJson().model(Recorded.body("HuggingFaceH4__zephyr-7b-beta.json"), "zephyr"));

        assertThat(lineage.derivations()).extracting(Derivation::parent, Derivation::relation, Derivation::source)
                .containsExactly(tuple("mistralai/Mistral-7B-v0.1", Relation.FINETUNE, "hf-tag"),
                        tuple("mistralai/Mistral-7B-v0.1", Relation.FINETUNE, "hf-card"));
        assertThat(lineage.renames()).isEmpty();
    }

    @Test
    void aCardNamingAnOldIdYieldsToTheTagsAndRecordsTheRename() throws Exception {
        Lineage lineage = parser.parse(new HubJson().model(Recorded.body("meta-llama__Llama-3.1-8B-Instruct.json"), "llama"));

        assertThat(lineage.parents()).containsExactly("meta-llama/Llama-3.1-8B");
        assertThat(lineage.derivations()).extracting(Derivation::source).containsExactly("hf-tag", "hf-card");
        assertThat(lineage.renames()).containsExactly(new Rename("meta-llama/Meta-Llama-3.1-8B", "meta-llama/Llama-3.1-8B"));
    }

    @Test
    void aCardBaseModelMayBeAList() throws Exception {
        Lineage lineage = parser.parse(new HubJson().model(Recorded.body("deepset__roberta-base-squad2.json"), "roberta"));

        assertThat(lineage.parents()).containsExactly("FacebookAI/roberta-base");
        assertThat(lineage.derivations()).extracting(Derivation::source).containsExactly("hf-tag", "hf-card");
    }

    @Test
    void aCardAloneNamesTheBaseAndItsRelation() {
        Lineage lineage = parser.parse(entry(List.of(), List.of("NousResearch/Llama-2-7b-hf"), "adapter"));

        assertThat(lineage.derivations()).extracting(Derivation::parent, Derivation::relation, Derivation::source)
                .containsExactly(tuple("NousResearch/Llama-2-7b-hf", Relation.ADAPTER, "hf-card"));
    }

    @Test
    void aCardBaseWithoutRelationIsUnknown() {
        assertThat(parser.parse(entry(List.of(), List.of("a/base"), null)).derivations())
                .extracting(Derivation::relation).containsExactly(Relation.UNKNOWN);
    }

    @Test
    void aRelationTagNamesTheRelationAndABareTagTheParent() {
        Lineage quantized = parser.parse(entry(List.of("gguf", "base_model:zarakiquemparte/zarablend-l2-7b",
                "base_model:quantized:zarakiquemparte/zarablend-l2-7b"), List.of(), null));
        Lineage bare = parser.parse(entry(List.of("base_model:zarakiquemparte/zarablend-l2-7b"), List.of(), null));

        assertThat(quantized.derivations()).extracting(Derivation::relation, Derivation::source)
                .containsExactly(tuple(Relation.QUANTIZED, "hf-tag"));
        assertThat(bare.derivations()).extracting(Derivation::relation).containsExactly(Relation.UNKNOWN);
    }

    @Test
    void eachHubRelationMapsOntoItsOwn() {
        for (String relation : List.of("finetune", "adapter", "quantized", "merge")) {
            assertThat(parser.parse(entry(List.of("base_model:" + relation + ":a/base"), List.of(), null)).derivations())
                    .extracting(Derivation::relation).containsExactly(Relation.valueOf(relation.toUpperCase()));
        }
        assertThat(parser.parse(entry(List.of("base_model:distilled:a/base"), List.of(), null)).derivations())
                .extracting(Derivation::relation).containsExactly(Relation.UNKNOWN);
    }

    @Test
    void severalParentsWithoutRelationsMakeAMerge() {
        Lineage merge = parser.parse(entry(List.of(), List.of("mlabonne/Beagle14-7B", "a/b", "c/d"), null));

        assertThat(merge.derivations()).extracting(Derivation::relation).containsOnly(Relation.MERGE).hasSize(3);
    }

    @Test
    void theCardRelationAppliesWhereTagsNameNone() {
        Lineage lineage = parser.parse(entry(List.of("base_model:a/base"), List.of("a/base"), "quantized"));

        assertThat(lineage.derivations()).extracting(Derivation::relation).containsOnly(Relation.QUANTIZED);
    }

    @Test
    void cardBasesTheTagsDoNotConfirmAreDroppedWhenTheyCannotBePaired() {
        Lineage lineage = parser.parse(entry(List.of("base_model:finetune:a/base"), List.of("x/one", "y/two"), null));

        assertThat(lineage.parents()).containsExactly("a/base");
        assertThat(lineage.renames()).isEmpty();
        assertThat(lineage.derivations()).extracting(Derivation::source).containsExactly("hf-tag");
    }

    @Test
    void idsThatAreNotHubIdsAreIgnored() {
        Lineage lineage = parser.parse(entry(List.of("base_model:finetune:"), List.of("not an id", ""), null));

        assertThat(lineage.derivations()).isEmpty();
    }

    private static HubEntry entry(List<String> tags, List<String> card, String relation) {
        return new HubEntry("me/model", "me", 10L, 1L, null, null, null, null, null, null, false, tags, card, relation, null, null);
    }
}
