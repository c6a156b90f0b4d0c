package org.llmtracker.crawler.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.run.CrawlStatus;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** A run while the graph store is away: failed, not thrown, and recorded once the store is back. */
@Neo4jTest
class CrawlRunnerOutageTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private final AtomicReference<Driver> current = new AtomicReference<>();
    private Driver unreachable;

    @BeforeEach
    void driverToNowhere() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        unreachable = GraphDatabase.driver("bolt://127.0.0.1:" + closedPort, AuthTokens.none(),
                Config.builder().withMaxTransactionRetryTime(0, TimeUnit.MILLISECONDS).build());
    }

    @AfterEach
    void close() {
        unreachable.close();
    }

    @Test
    void aRunDuringAnOutageFailsAndIsRecordedByTheNextRunOnceTheStoreIsBack(Driver live) {
        CrawlRunStore store = new CrawlRunStore(Graph.overBolt(switchable(), null));
        CrawlRunner runner = new CrawlRunner(List.of(new Job() {
            @Override
            public String job() {
                return "github";
            }

            @Override
            public void run(CrawlRecorder recorder) {
                recorder.count("fetched");
            }
        }), store, clock);

        current.set(unreachable);
        CrawlRun during = runner.run("github").orElseThrow();
        current.set(live);
        CrawlRun after = runner.run("github").orElseThrow();

        assertThat(during.status()).isEqualTo(CrawlStatus.FAILED);
        assertThat(during.note()).contains("GraphUnavailableException");
        assertThat(after.status()).isEqualTo(CrawlStatus.SUCCEEDED);
        assertThat(store.list("github", 10)).extracting(CrawlRun::id, CrawlRun::status).containsExactlyInAnyOrder(
                tuple(during.id(), CrawlStatus.FAILED),
                tuple(after.id(), CrawlStatus.SUCCEEDED));
    }

    /** One driver whose server can be swapped: the store "goes away" and "comes back". */
    private Driver switchable() {
        return (Driver) Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] {Driver.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(current.get(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
