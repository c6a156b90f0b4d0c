package org.llmtracker.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.FilterChain;
import tools.jackson.databind.json.JsonMapper;

/** Pages take turns; a keystroke's search, probes and static files do not wait for one. */
class PageTurnsTests {

    private final ExecutorService requests = Executors.newCachedThreadPool();
    private final CountDownLatch inside = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);

    @AfterEach
    void stop() {
        finish.countDown();
        requests.shutdownNow();
    }

    @Test
    void aPageArrivingWhileEveryTurnIsTakenIsRefusedWith503AfterItsWait() throws Exception {
        PageTurns turns = turns(1, Duration.ZERO);
        CompletableFuture<MockHttpServletResponse> first = holdATurn(turns, get("/models/meta-llama/llama-2-7b"));

        MockHttpServletResponse second = serve(turns, get("/api/models/meta-llama/llama-2-7b/descendants"));

        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("1");
        assertThat(second.getContentAsString()).contains("/api/models/meta-llama/llama-2-7b/descendants")
                .contains("1 pages at once");
        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(serve(turns, get("/models/meta-llama/llama-2-7b")).getStatus())
                .as("the turn is given back when the first page ends").isEqualTo(200);
    }

    @Test
    void aWaitingPageGetsTheTurnThePageBeforeItGivesBack() throws Exception {
        PageTurns turns = turns(1, Duration.ofMinutes(1));
        CompletableFuture<MockHttpServletResponse> first = holdATurn(turns, get("/models/meta-llama/llama-2-7b"));
        CompletableFuture<MockHttpServletResponse> second = CompletableFuture.supplyAsync(
                () -> serveUnchecked(turns, get("/digests")), requests);

        await().atMost(Duration.ofSeconds(10)).until(() -> turns.waiting() == 1);
        assertThat(second).isNotDone();
        finish.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void searchAsOneTypesHealthAndStaticFilesSkipTheTurns() throws Exception {
        PageTurns turns = turns(1, Duration.ZERO);
        holdATurn(turns, get("/models/meta-llama/llama-2-7b"));

        MockHttpServletRequest typed = get("/api/models");
        typed.setParameter("q", "lla");
        assertThat(serve(turns, typed).getStatus()).isEqualTo(200);
        assertThat(serve(turns, get("/actuator/health")).getStatus()).isEqualTo(200);
        assertThat(serve(turns, get("/site/app.js")).getStatus()).isEqualTo(200);
        assertThat(serve(turns, get("/api/export")).getStatus()).isEqualTo(200);

        MockHttpServletRequest list = get("/api/models");
        list.setParameter("q", " ");
        assertThat(serve(turns, list).getStatus()).as("a list without text is a page").isEqualTo(503);
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/api/models");
        post.setServletPath("/api/models");
        post.setParameter("q", "lla");
        assertThat(serve(turns, post).getStatus()).as("only a search's GET skips").isEqualTo(503);
    }

    @Test
    void theDefaultIsTwiceTheProcessorsAndZeroTurnsOrANegativeWaitIsAMistake() {
        assertThat(PageTurns.concurrent(0)).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(PageTurns.concurrent(3)).isEqualTo(3);
        assertThatThrownBy(() -> turns(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tracker.api.concurrent-pages");
        assertThatThrownBy(() -> turns(4, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tracker.api.page-wait");
    }

    private static PageTurns turns(int concurrent, Duration wait) {
        return new PageTurns(concurrent, wait, new ProblemResponses(JsonMapper.builder().build()));
    }

    /** Serves {@code request} with a handler that holds its turn until the test lets it finish. */
    private CompletableFuture<MockHttpServletResponse> holdATurn(PageTurns turns, MockHttpServletRequest request)
            throws InterruptedException {
        CompletableFuture<MockHttpServletResponse> served = CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            FilterChain held = (req, res) -> {
                inside.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            try {
                turns.doFilter(request, response, held);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        }, requests);
        assertThat(inside.await(10, TimeUnit.SECONDS)).as("the first page started").isTrue();
        return served;
    }

    private static MockHttpServletResponse serve(PageTurns turns, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        turns.doFilter(request, response, (req, res) -> {
        });
        return response;
    }

    private static MockHttpServletResponse serveUnchecked(PageTurns turns, MockHttpServletRequest request) {
        try {
            return serve(turns, request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        return request;
    }
}
