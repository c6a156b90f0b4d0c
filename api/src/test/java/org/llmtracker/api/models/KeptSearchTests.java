package org.llmtracker.api.models;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.testing.LicensedHub;
import org.llmtracker.api.testing.StoreSlice;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.testing.SteppingClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

/** A search with more than 2,000 matches answers as it did until, 30 s on, it is read again in the background; one with fewer answers from the store. */
@Neo4jTest
@WebMvcTest(ModelController.class)
@Import({StoreSlice.class, KeptSearchTests.Steps.class})
class KeptSearchTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Steps {
        @Bean
        @Primary
        SteppingClock steppingClock() {
            return new SteppingClock(StoreSlice.NOW, Duration.ZERO);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Graph graph;
    @Autowired
    Clock clock;

    @Test
    void aCappedAnswerIsKeptForThirtySecondsThenReadAgainInTheBackgroundAndAnExactOneIsNotKept() throws Exception {
        List<HubModel> qwens = new ArrayList<>();
        for (int i = 0; i < 2_001; i++) {
            qwens.add(model("qwen/qwen-" + i, i));
        }
        store(qwens);
        firstOf("qwen", "qwen/qwen-2000", true);
        firstOf("qwen-top", null, false);

        store(List.of(model("tuner/qwen-top", 1_000_000)));

        firstOf("qwen", "qwen/qwen-2000", true);
        firstOf("qwen-top", "tuner/qwen-top", false);
        ((SteppingClock) clock).advance(Duration.ofSeconds(30));
        firstOf("qwen", "qwen/qwen-2000", true);
        await().untilAsserted(() -> firstOf("qwen", "tuner/qwen-top", true));
    }

    private void firstOf(String q, String first, boolean capped) throws Exception {
        var answer = mvc.perform(get("/api/models").param("q", q).param("sort", "downloads").param("size", "5")).andExpect(status().isOk());
        if (first == null) {
            answer.andExpect(jsonPath("$.total").value(0));
        } else {
            answer.andExpect(jsonPath("$.items[0].id").value(first));
        }
        answer.andExpect(capped ? jsonPath("$.totalCapped").value(true) : jsonPath("$.totalCapped").doesNotExist());
    }

    private void store(List<HubModel> models) {
        new HubListingStore(graph).store(new HubListingPage(models, List.of()), StoreSlice.NOW);
    }

    private static HubModel model(String id, long downloads) {
        return LicensedHub.model(id, downloads, null);
    }
}
