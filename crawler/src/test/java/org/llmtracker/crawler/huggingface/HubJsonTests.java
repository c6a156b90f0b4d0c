package org.llmtracker.crawler.huggingface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.huggingface.testing.Recorded;

class HubJsonTests {

    private final HubJson json = new HubJson();

    @Test
    void readsTheFiguresOfARecordedModel() throws Exception {
        HubEntry zephyr = json.model(Recorded.body("HuggingFaceH4__zephyr-7b-beta.json"), "zephyr");

        assertThat(zephyr.id()).isEqualTo("HuggingFaceH4/zephyr-7b-beta");
        assertThat(zephyr.author()).isEqualTo("HuggingFaceH4");
        assertThat(zephyr.downloads()).isEqualTo(684157L);
        assertThat(zephyr.likes()).isEqualTo(1667L);
        assertThat(zephyr.license()).isEqualTo("mit");
        assertThat(zephyr.pipelineTag()).isEqualTo("text-generation");
        assertThat(zephyr.libraryName()).isEqualTo("transformers");
        assertThat(zephyr.parameters()).isEqualTo(7241732096L);
        assertThat(zephyr.createdAt()).isEqualTo(Instant.parse("2023-10-26T11:25:49Z"));
        assertThat(zephyr.lastModified()).isEqualTo(Instant.parse("2024-10-16T11:48:13Z"));
        assertThat(zephyr.gated()).isFalse();
        assertThat(zephyr.childCount()).isNull();
    }

    @Test
    void gatedAsManualMeansGated() throws Exception {
        assertThat(json.model(Recorded.body("meta-llama__Llama-3.1-8B-Instruct.json"), "llama").gated()).isTrue();
    }

    @Test
    void childrenModelCountIsSummedOverRelations() throws Exception {
        HubEntry entry = json.model("""
                {"_id":"66bf","id":"microsoft/Phi-3.5-mini-instruct",
                 "childrenModelCount":{"adapter":716,"merge":19,"quantized":190,"finetune":328}}""", "phi");

        assertThat(entry.childCount()).isEqualTo(1253L);
        assertThat(entry.knownLeaf()).isFalse();
        assertThat(json.model("{\"id\":\"a/b\",\"childrenModelCount\":{}}", "leaf").knownLeaf()).isTrue();
    }

    @Test
    void aBodyThatIsNotJsonNamesWhereItCameFrom() throws Exception {
        assertThatThrownBy(() -> json.model("<html>busy</html>", "http://hub/api/models/a/b"))
                .isInstanceOf(HubException.class).hasMessageContaining("http://hub/api/models/a/b");
        assertThatThrownBy(() -> json.model("[]", "http://hub/api/models/a/b"))
                .isInstanceOf(HubException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void aListItemWithoutAValidIdIsRejectedAndTheRestKept() throws Exception {
        List<String> rejected = new ArrayList<>();

        List<HubEntry> entries = json.page("""
                [{"_id":"1","id":"a/good","downloads":5},{"_id":"2","downloads":9},{"_id":"3","id":42},
                 {"_id":"4","id":"../../etc/passwd"},{"_id":"5","id":"b/also-good","downloads":"many"}]""", "page", rejected);

        assertThat(entries).extracting(HubEntry::id).containsExactly("a/good", "b/also-good");
        assertThat(entries.get(1).downloads()).isNull();
        assertThat(rejected).hasSize(3).allSatisfy(m -> assertThat(m).contains("page item"));
    }

    @Test
    void numbersBeyondSixtyFourBitsAreClampedNotThrown() throws Exception {
        HubEntry entry = json.model("""
                {"id":"a/huge","downloads":123456789012345678901234567890,"likes":-99999999999999999999999,
                 "safetensors":{"total":1e300},"childrenModelCount":{"adapter":9223372036854775807,"merge":5}}""", "huge");

        assertThat(entry.downloads()).isEqualTo(Long.MAX_VALUE);
        assertThat(entry.likes()).isEqualTo(Long.MIN_VALUE);
        assertThat(entry.parameters()).isEqualTo(Long.MAX_VALUE);
        assertThat(entry.childCount()).isEqualTo(Long.MAX_VALUE);
    }
}
