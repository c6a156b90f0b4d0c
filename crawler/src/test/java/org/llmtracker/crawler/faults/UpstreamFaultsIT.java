package org.llmtracker.crawler.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.OVERSIZED_BODY;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.RATE_LIMIT_STORM_WITHOUT_RETRY_AFTER;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.RATE_LIMIT_STORM_WITH_RETRY_AFTER;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.REDIRECT_LOOP;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.RESET;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.SERVER_ERROR_STORM;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.TRICKLE;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.TRUNCATED_BODY;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.UNREACHABLE;
import static org.llmtracker.crawler.testing.FaultProxy.Fault.WRONG_TYPES;
import static org.llmtracker.graph.run.CrawlStatus.FAILED;
import static org.llmtracker.graph.run.CrawlStatus.PARTIAL;
import static org.llmtracker.graph.run.CrawlStatus.SUCCEEDED;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.llmtracker.crawler.testing.FaultProxy.Fault;
import org.llmtracker.graph.export.GraphExport;
import org.llmtracker.graph.export.GraphHash;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlStatus;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/**
 * Every upstream against every fault (issue 14 item 11): after a good run has stored data, a
 * run whose every answer is the fault must end with a truthful status, quickly (waits are
 * recorded, not slept; the deadlines are short), with an error that says what happened, and
 * with everything stored before unchanged: the export's content hash is the same once the
 * faulty run's own record is set aside. Prints the table it checked.
 */
@Neo4jTest
class UpstreamFaultsIT {

    private static final List<String> TABLE = Collections.synchronizedList(new ArrayList<>());

    /** The outcome each fault must have: status, a phrase of the note or first error, and whether stored data stays as it was. */
    record Expect(CrawlStatus status, String says, boolean unchanged) {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("github", RESET, new Expect(FAILED, "failed 2 times; last: connection", true)),
                Arguments.of("github", TRUNCATED_BODY, new Expect(FAILED, "failed 2 times; last: the answer was cut short", true)),
                Arguments.of("github", WRONG_TYPES, new Expect(FAILED, "malformed JSON from GitHub", true)),
                Arguments.of("github", SERVER_ERROR_STORM, new Expect(FAILED, "failed 2 times; last: HTTP 503", true)),
                Arguments.of("github", RATE_LIMIT_STORM_WITH_RETRY_AFTER, new Expect(PARTIAL, "Rate limited at GET", true)),
                Arguments.of("github", RATE_LIMIT_STORM_WITHOUT_RETRY_AFTER, new Expect(PARTIAL, "would have to wait 60 s", true)),
                Arguments.of("github", TRICKLE, new Expect(FAILED, "no complete answer within the 800 ms deadline", true)),
                Arguments.of("github", REDIRECT_LOOP, new Expect(FAILED, "too many redirects", true)),
                Arguments.of("github", OVERSIZED_BODY, new Expect(FAILED, "larger than the 1048576 bytes allowed", true)),
                Arguments.of("github", UNREACHABLE, new Expect(FAILED, "GitHub is unreachable", true)),
                Arguments.of("huggingface", RESET, new Expect(FAILED, "failed 2 times; last: connection", true)),
                Arguments.of("huggingface", TRUNCATED_BODY, new Expect(FAILED, "failed 2 times; last: the answer was cut short", true)),
                Arguments.of("huggingface", WRONG_TYPES, new Expect(FAILED, "malformed model", true)),
                Arguments.of("huggingface", SERVER_ERROR_STORM, new Expect(FAILED, "failed 2 times; last: HTTP 503", true)),
                Arguments.of("huggingface", RATE_LIMIT_STORM_WITH_RETRY_AFTER, new Expect(PARTIAL, "Rate limited at GET", true)),
                Arguments.of("huggingface", RATE_LIMIT_STORM_WITHOUT_RETRY_AFTER, new Expect(PARTIAL, "would have to wait 60 s", true)),
                Arguments.of("huggingface", TRICKLE, new Expect(FAILED, "no complete answer within the 800 ms deadline", true)),
                Arguments.of("huggingface", REDIRECT_LOOP, new Expect(FAILED, "more than 5 redirects", true)),
                Arguments.of("huggingface", OVERSIZED_BODY, new Expect(FAILED, "larger than the 1048576 bytes allowed", true)),
                Arguments.of("huggingface", UNREACHABLE, new Expect(FAILED, "the Hub is unreachable", true)),
                Arguments.of("pages", RESET, new Expect(FAILED, "failed 2 times; last: connection", true)),
                Arguments.of("pages", TRUNCATED_BODY, new Expect(FAILED, "failed 2 times; last: the answer was cut short", true)),
                Arguments.of("pages", SERVER_ERROR_STORM, new Expect(FAILED, "failed 2 times; last: HTTP 503", true)),
                Arguments.of("pages", RATE_LIMIT_STORM_WITH_RETRY_AFTER, new Expect(FAILED, "rate limited (HTTP 429)", true)),
                Arguments.of("pages", RATE_LIMIT_STORM_WITHOUT_RETRY_AFTER, new Expect(FAILED, "rate limited (HTTP 429); it asks for 60 s", true)),
                Arguments.of("pages", TRICKLE, new Expect(FAILED, "no complete answer within the 800 ms deadline", true)),
                Arguments.of("pages", REDIRECT_LOOP, new Expect(FAILED, "more than 2 redirects", true)),
                // A page longer than the cap is read up to it (its title is at the top): not a fault for this job.
                Arguments.of("pages", OVERSIZED_BODY, new Expect(SUCCEEDED, "", false)),
                Arguments.of("pages", UNREACHABLE, new Expect(FAILED, "could not connect (connection refused)", true)));
    }

    @ParameterizedTest(name = "{0} answering {1}")
    @MethodSource("cases")
    void aFaultyUpstreamEndsTheRunTruthfullyAndQuicklyAndChangesNothingStored(String upstream, Fault fault, Expect expect,
            Graph graph) throws Exception {
        Path cache = Files.createTempDirectory("fault-cache");
        try (FaultArena arena = FaultArena.of(upstream, graph, cache)) {
            arena.baseline();
            GraphHash before = GraphExport.hash(graph);
            arena.proxy().fail(fault);

            CrawlRun run = arena.runAgain();
            // What the run can have cost, from what it reports: every request it made cut at the
            // deadline its settings give each attempt, plus the waits it recorded (never slept).
            // A redirect loop's hops share their call's deadline (OkHttp's call timeout covers the follow-ups,
            // at most 20 of them), so its calls, not its hops, are what each cost a deadline.
            Duration deadline = arena.settings(upstream).deadline();
            long calls = fault == REDIRECT_LOOP ? (run.requests() + 20) / 21 : run.requests();
            Duration worst = deadline.multipliedBy(calls).plus(arena.waits().stream().reduce(Duration.ZERO, Duration::plus));

            String says = run.note() != null && run.errors().isEmpty() ? run.note()
                    : run.errors().isEmpty() ? "" : run.errors().get(0);
            boolean unchanged = withoutRun(graph, run).equals(before);
            Duration waited = arena.waits().stream().reduce(Duration.ZERO, Duration::plus);
            TABLE.add(String.format("| %s | %s | %s | %d requests (+%d s waited) | %s | %s |", upstream, fault, run.status(),
                    run.requests(), waited.toSeconds(), unchanged ? "yes" : "no", says.length() > 140 ? says.substring(0, 140) + "..." : says));

            assertThat(run.status()).as(run.toString()).isEqualTo(expect.status());
            assertThat(says).as(run.toString()).contains(expect.says());
            assertThat(unchanged).as("stored data unchanged").isEqualTo(expect.unchanged());
            // At most two Retry-After: 1 refusals per request, and a third second for the second page of a refused site.
            assertThat(waited).as("recorded waits").isLessThanOrEqualTo(Duration.ofSeconds(5));
            assertThat(worst).as("a faulty upstream costs seconds, not minutes: %d calls of at most %s, and the waits",
                    calls, deadline).isLessThan(Duration.ofSeconds(20));
            assertThat(String.join(" ", run.errors()) + run.note()).doesNotContain("HTTP response code: -1");
        }
    }

    /** The store's content hash with {@code run}'s record set aside: recording a run is not a change to crawled data. */
    static GraphHash withoutRun(Graph graph, CrawlRun run) {
        graph.write(tx -> tx.run("MATCH (c:CrawlRun {id: $id}) DETACH DELETE c", java.util.Map.of("id", run.id())).consume());
        return GraphExport.hash(graph);
    }

    @AfterAll
    static void print() {
        System.out.println("\n| upstream | fault | status | cost | data unchanged | says |\n|---|---|---|---|---|---|\n"
                + String.join("\n", TABLE.stream().sorted().toList()) + "\n");
    }
}
