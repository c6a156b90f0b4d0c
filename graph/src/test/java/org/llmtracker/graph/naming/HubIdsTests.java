package org.llmtracker.graph.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubIdsTests {

    @ParameterizedTest
    @ValueSource(strings = {"gpt2", "meta-llama/Llama-3.1-8B", "TheBloke/Llama-2-7B-GGUF", "THUDM/chatglm-6b",
            "mlx-community/Qwen2.5-0.5B-Instruct-4bit", "a/b", "user_name/model_v1.0", "x/_private_"})
    void acceptsIdsTheHubAccepts(String id) {
        assertThat(HubIds.valid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/name", "owner/", "a/b/c", "owner/-name", "owner/name-", "owner/na--me", "owner/na..me",
            "owner/name.git", "owner/na me", "owner/naïve", "owner/name?x=1", ".hidden/name"})
    void refusesWhatTheHubRefuses(String id) {
        assertThat(HubIds.valid(id)).isFalse();
    }

    @Test
    void aNameIsAtMost96Characters() {
        assertThat(HubIds.valid("owner/" + "a".repeat(96))).isTrue();
        assertThat(HubIds.valid("owner/" + "a".repeat(97))).isFalse();
        assertThat(HubIds.valid(null)).isFalse();
    }

    @Test
    void anOwnerIsAtMost96CharactersSoNoIdOutgrowsTheStoresIndex() {
        assertThat(HubIds.valid("a".repeat(96) + "/model")).isTrue();
        assertThat(HubIds.valid("a".repeat(97) + "/model")).isFalse();
        assertThat(HubIds.valid("a".repeat(10_000) + "/model")).as("the probe's owner").isFalse();
        assertThat(HubIds.validOwner("meta-llama")).isTrue();
        assertThat(HubIds.validOwner("a".repeat(10_000))).isFalse();
        assertThat(HubIds.validOwner("a/b")).isFalse();
    }
}
