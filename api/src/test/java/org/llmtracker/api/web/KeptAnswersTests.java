package org.llmtracker.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.testing.SteppingClock;

/**
 * Costly answers kept a short while: only those worth keeping, never more than the bound, and
 * once stale, given while read again off the request (here by hand, {@link #runRereads}).
 */
class KeptAnswersTests {

    private static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-07T05:00:00Z"), Duration.ZERO);
    private final List<String> reads = new ArrayList<>();
    private final List<Runnable> rereads = new ArrayList<>();
    /** Answers the key with the number of reads so far; answers of keys starting with "big" are worth keeping. */
    private final Function<String, String> store = key -> {
        reads.add(key);
        return key + "#" + reads.size();
    };

    private KeptAnswers<String, String> kept(int maxKept) {
        return new KeptAnswers<>(clock, FRESH_FOR, maxKept, answer -> answer.startsWith("big"), rereads::add);
    }

    /** What a request for {@code big-a} is given. */
    private String askA(KeptAnswers<String, String> kept) {
        return kept.get("big-a", store);
    }

    private void runRereads() {
        List<Runnable> due = List.copyOf(rereads);
        rereads.clear();
        due.forEach(Runnable::run);
    }

    /** Answers worth keeping, with {@code key}'s answer read once and now stale. */
    private KeptAnswers<String, String> keptThenStale(String key) {
        KeptAnswers<String, String> kept = kept(10);
        kept.get(key, store);
        clock.advance(FRESH_FOR);
        return kept;
    }

    @Test
    void anAnswerWorthKeepingIsReadOncePerFreshPeriod() {
        KeptAnswers<String, String> kept = kept(10);

        assertThat(askA(kept)).isEqualTo("big-a#1");
        clock.advance(FRESH_FOR.minusMillis(1));
        assertThat(askA(kept)).isEqualTo("big-a#1");
        assertThat(rereads).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(askA(kept)).isEqualTo("big-a#1");
        runRereads();
        assertThat(askA(kept)).isEqualTo("big-a#2");
        assertThat(askA(kept)).isEqualTo("big-a#2");

        assertThat(reads).containsExactly("big-a", "big-a");
    }

    @Test
    void aStaleAnswerIsGivenAtOnceAndReadAgainOnceWhateverTheRequestsMeanwhile() {
        KeptAnswers<String, String> kept = keptThenStale("big-a");

        assertThat(askA(kept)).isEqualTo("big-a#1");
        assertThat(askA(kept)).isEqualTo("big-a#1");
        assertThat(rereads).hasSize(1);
        assertThat(reads).containsExactly("big-a");

        runRereads();
        assertThat(askA(kept)).isEqualTo("big-a#2");
        assertThat(rereads).isEmpty();
    }

    @Test
    void anAnswerTenFreshPeriodsOldIsReadByTheRequestNotGiven() {
        KeptAnswers<String, String> kept = keptThenStale("big-a");
        askA(kept); // its re-read waits its turn: the rereads below never run
        clock.advance(FRESH_FOR.multipliedBy(KeptAnswers.EXPIRES_AFTER - 1).minusMillis(1));
        assertThat(askA(kept)).isEqualTo("big-a#1");

        clock.advance(Duration.ofMillis(1));

        assertThat(askA(kept)).isEqualTo("big-a#2");
        assertThat(askA(kept)).isEqualTo("big-a#2");
        assertThat(reads).containsExactly("big-a", "big-a");
    }

    @Test
    void aFailedRereadDropsTheAnswerSoTheNextRequestReadsItItself() {
        KeptAnswers<String, String> kept = keptThenStale("big-a");

        assertThat(kept.get("big-a", key -> {
            throw new IllegalStateException("store unreachable");
        })).isEqualTo("big-a#1");
        runRereads();

        assertThat(askA(kept)).isEqualTo("big-a#2");
        assertThat(rereads).isEmpty();
    }

    @Test
    void anAnswerNotWorthKeepingIsReadAtEveryRequest() {
        KeptAnswers<String, String> kept = kept(10);

        assertThat(kept.get("small", store)).isEqualTo("small#1");
        assertThat(kept.get("small", store)).isEqualTo("small#2");
    }

    @Test
    void anAnswerThatIsNoLongerWorthKeepingWhenReadAgainIsDropped() {
        List<String> answers = new ArrayList<>(List.of("big", "small", "small-again"));
        KeptAnswers<String, String> kept = kept(10);
        Function<String, String> shrinking = key -> answers.remove(0);

        assertThat(kept.get("k", shrinking)).isEqualTo("big");
        clock.advance(FRESH_FOR);
        assertThat(kept.get("k", shrinking)).isEqualTo("big");
        runRereads();
        assertThat(kept.get("k", shrinking)).isEqualTo("small-again");
    }

    @Test
    void whenFullTheStaleGoFirstAndWithoutStaleOnesANewAnswerIsGivenButNotKept() {
        KeptAnswers<String, String> kept = kept(2);
        kept.get("big-a", store);
        clock.advance(FRESH_FOR);
        kept.get("big-b", store);

        kept.get("big-c", store); // big-a, stale, makes room
        kept.get("big-d", store); // full of fresh answers: answered, not kept
        assertThat(kept.get("big-d", store)).isEqualTo("big-d#5");
        assertThat(kept.get("big-b", store)).isEqualTo("big-b#2");
        assertThat(kept.get("big-c", store)).isEqualTo("big-c#3");
    }

    @Test
    void aFreshPeriodMustBePositiveAndTheBoundAtLeastOne() {
        assertThatThrownBy(() -> new KeptAnswers<String, String>(clock, Duration.ZERO, 1, a -> true, rereads::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> new KeptAnswers<String, String>(clock, FRESH_FOR, 0, a -> true, rereads::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxKept");
    }

    @Test
    void requestsArrivingWhileAnAnswerIsReadWaitForThatReadInsteadOfReadingItToo() throws Exception {
        KeptAnswers<String, String> kept = kept(10);
        CountDownLatch finish = new CountDownLatch(1);
        // not worth keeping: a second request that did not wait would read it again
        List<CompletableFuture<String>> both = twoRequestsWhileTheFirstReads(kept, "small-a", store, finish);

        assertThat(kept.get("small-b", store)).as("another key is not held up").isEqualTo("small-b#1");
        finish.countDown();

        for (CompletableFuture<String> request : both) {
            assertThat(request.get(10, TimeUnit.SECONDS)).isEqualTo("small-a#2");
        }
        assertThat(reads).containsExactly("small-b", "small-a");
    }

    @Test
    void aFaultOfTheReadIsEveryWaitingRequestsAndTheNextRequestReadsAgain() throws Exception {
        KeptAnswers<String, String> kept = kept(10);
        CountDownLatch finish = new CountDownLatch(1);
        List<CompletableFuture<String>> both = twoRequestsWhileTheFirstReads(kept, "big-a", key -> {
            throw new IllegalStateException("store unavailable");
        }, finish);
        finish.countDown();

        for (CompletableFuture<String> request : both) {
            assertThatThrownBy(() -> request.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("store unavailable");
        }
        assertThat(askA(kept)).isEqualTo("big-a#1");
    }

    /**
     * Two requests for {@code key}, each on a thread of its own: the first reads it through
     * {@code read} once {@code finish} lets it, and the second arrives, and is seen waiting, while
     * the first is still reading.
     */
    private static List<CompletableFuture<String>> twoRequestsWhileTheFirstReads(KeptAnswers<String, String> kept,
            String key, Function<String, String> read, CountDownLatch finish) throws InterruptedException {
        CountDownLatch reading = new CountDownLatch(1);
        Function<String, String> held = k -> {
            reading.countDown();
            await(finish);
            return read.apply(k);
        };
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        request(() -> kept.get(key, held), first);
        assertThat(reading.await(10, TimeUnit.SECONDS)).as("the first request is reading").isTrue();
        Thread secondRequest = request(() -> kept.get(key, held), second);
        awaitility().until(() -> secondRequest.getState() == Thread.State.WAITING);
        return List.of(first, second);
    }

    /** Runs {@code ask} on a thread of its own, as a request, its answer or fault into {@code answer}. */
    private static Thread request(Supplier<String> ask, CompletableFuture<String> answer) {
        Thread thread = new Thread(() -> {
            try {
                answer.complete(ask.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static ConditionFactory awaitility() {
        return Awaitility.await().atMost(Duration.ofSeconds(10));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the read finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
