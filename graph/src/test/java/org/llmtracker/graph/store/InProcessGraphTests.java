package org.llmtracker.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtracker.graph.testing.Neo4jTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.NoSuchRecordException;
import org.neo4j.driver.exceptions.ResultConsumedException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * In embedded mode the graph runs Cypher in-process instead of over Bolt. Store code is
 * written once against the driver's API, so in-process must answer exactly as the driver does:
 * the same records, the same errors, the same transaction behaviour.
 */
@Neo4jTest
class InProcessGraphTests {

    private static final ZonedDateTime AT = ZonedDateTime.of(2026, 11, 1, 10, 30, 0, 0, ZoneOffset.UTC);

    private Graph inProcess;
    private Graph bolt;

    @BeforeEach
    void bothTransports(Graph graph, Driver driver) {
        inProcess = graph;
        bolt = Graph.overBolt(driver, null);
        graph.write(tx -> tx.run("""
                UNWIND $rows AS row
                CREATE (:Model {id: row.id, tags: row.tags, at: $at, downloads: row.downloads})
                """, Map.of("at", AT, "rows", List.of(
                Map.of("id", "llama", "tags", List.of("text", "base"), "downloads", 10),
                Map.of("id", "vicuna", "tags", List.of(), "downloads", 3)))).consume());
    }

    @Test
    void theSameCypherGivesTheSameRecordsAsOverBolt() {
        List<String> queries = List.of(
                "RETURN 1 AS i, 1.5 AS f, 'x' AS s, true AS b, null AS n",
                "RETURN [1, 'a', null, [2]] AS l, {a: 1, b: [2, 3], c: {d: 'e'}, n: null} AS m",
                """
                RETURN datetime('2026-11-01T10:00:00Z') AS utc,
                       datetime('2026-11-01T10:00:00[Europe/Berlin]') AS zoned,
                       date('2026-11-01') AS d, localdatetime('2026-11-01T10:00') AS ldt, time('10:00+01:00') AS t,
                       duration('P1M2DT3.5S') AS dur, point({x: 1.5, y: 2.0}) AS p
                """,
                "MATCH (m:Model) RETURN m.id AS id, m.tags AS tags, m.at AS at, m.downloads AS downloads, m.none AS none ORDER BY id",
                "MATCH (m:Model) RETURN m {.id, .tags, .at} AS model, collect(m.at) AS ats ORDER BY model.id",
                "MATCH (m:Model {id: $id}) RETURN m.id AS id",
                "UNWIND $values AS v RETURN v, v IS NULL AS missing");
        Map<String, Object> parameters = Map.of("id", "absent",
                "values", Values.value(List.of(1L, "two", AT)), "unused", Values.value(AT));

        for (String query : queries) {
            assertThat(records(inProcess, query, parameters)).as(query).isEqualTo(records(bolt, query, parameters));
        }
        assertThat(records(inProcess, "MATCH (m:Model {id: $id}) RETURN m.id AS id", parameters)).isEmpty();
    }

    @Test
    void driverValuesAndJavaObjectsAreBothAcceptedAsParameters() {
        List<Record> byValue = records(inProcess, "MATCH (m:Model) WHERE m.at = $at RETURN m.id AS id ORDER BY id",
                Map.of("at", Values.value(AT)));
        List<Record> byObject = records(inProcess, "MATCH (m:Model) WHERE m.at = $at RETURN m.id AS id ORDER BY id",
                Map.of("at", AT));

        assertThat(byValue).isEqualTo(byObject).extracting(r -> r.get("id").asString()).containsExactly("llama", "vicuna");
    }

    @Test
    void singleRefusesAnEmptyResultAndOneWithSeveralRecordsLikeTheDriver() {
        for (Graph graph : List.of(inProcess, bolt)) {
            assertThatThrownBy(() -> graph.read(tx -> tx.run("MATCH (m:Model {id: 'absent'}) RETURN m.id").single()))
                    .isInstanceOf(NoSuchRecordException.class).hasMessageContaining("empty");
            assertThatThrownBy(() -> graph.read(tx -> tx.run("MATCH (m:Model) RETURN m.id").single()))
                    .isInstanceOf(NoSuchRecordException.class).hasMessageContaining("more");
        }
    }

    @Test
    void aResultReadsLikeTheDriversOne() {
        inProcess.read(tx -> {
            Result result = tx.run("UNWIND [1, 2, 3] AS i RETURN i");
            assertThat(result.keys()).containsExactly("i");
            assertThat(result.peek().get("i").asLong()).isEqualTo(1);
            assertThat(result.next().get("i").asLong()).isEqualTo(1);
            assertThat(result.stream().map(r -> r.get("i").asLong())).containsExactly(2L, 3L);
            assertThat(result.hasNext()).isFalse();
            assertThat(result.consume().query().text()).isEqualTo("UNWIND [1, 2, 3] AS i RETURN i");
            assertThat(result.isOpen()).isFalse();
            assertThatThrownBy(result::hasNext).isInstanceOf(ResultConsumedException.class);
            return null;
        });
    }

    @Test
    void anUnreadResultSurvivesALaterQueryOfTheSameTransaction() {
        List<Long> both = inProcess.read(tx -> {
            Result first = tx.run("UNWIND [1, 2] AS i RETURN i");
            Result second = tx.run("UNWIND [3, 4] AS i RETURN i");
            List<Long> all = new ArrayList<>(first.list(r -> r.get("i").asLong()));
            all.addAll(second.list(r -> r.get("i").asLong()));
            return all;
        });

        assertThat(both).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aSummaryNamesItsQueryAndRefusesWhatItDoesNotCollect() {
        var summary = inProcess.write(tx -> tx.run("CREATE (:Probe {a: $a})", Map.of("a", 1)).consume());

        assertThat(summary.query().text()).isEqualTo("CREATE (:Probe {a: $a})");
        assertThatThrownBy(summary::counters).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("counters()");
        long stored = inProcess.read(tx -> tx.run("MATCH (p:Probe) RETURN p.a AS a").single().get("a").asLong());
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void aWriteLeftUnreadIsStillCommitted() {
        inProcess.write(tx -> tx.run("UNWIND range(1, 3) AS i CREATE (p:Probe {i: i}) RETURN p.i AS i"));

        assertThat(probes()).isEqualTo(3);
    }

    @Test
    void aConstraintViolationArrivesAsAClientExceptionWithNeo4jsCode() {
        assertThatThrownBy(() -> inProcess.write(tx -> tx.run("CREATE (:Model {id: 'llama'})").consume()))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.code())
                        .isEqualTo("Neo.ClientError.Schema.ConstraintValidationFailed"))
                .hasMessageContaining("llama");
    }

    @Test
    void aBadQueryArrivesAsAClientExceptionWithNeo4jsCode() {
        assertThatThrownBy(() -> inProcess.read(tx -> tx.run("MATCH (n RETURN n").consume()))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.code())
                        .isEqualTo("Neo.ClientError.Statement.SyntaxError"));
    }

    @Test
    void aReadTransactionRefusesToWrite() {
        for (String write : List.of("CREATE (:Probe)", "MATCH (m:Model {id: 'llama'}) SET m.downloads = 0",
                "MATCH (m:Model {id: 'vicuna'}) DETACH DELETE m")) {
            assertThatThrownBy(() -> inProcess.read(tx -> tx.run(write).consume())).as(write)
                    .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.code())
                            .isEqualTo("Neo.ClientError.Statement.AccessMode"));
        }
        assertThat(probes()).isZero();
        long downloads = inProcess.read(tx -> tx.run("MATCH (m:Model) RETURN sum(m.downloads) AS n").single()
                .get("n").asLong());
        assertThat(downloads).isEqualTo(13);
    }

    @Test
    void workThatThrowsLeavesNothingBehind() {
        IllegalStateException failure = new IllegalStateException("the caller changed its mind");

        assertThatThrownBy(() -> inProcess.write(tx -> {
            tx.run("CREATE (:Probe)").consume();
            throw failure;
        })).isSameAs(failure);
        assertThat(probes()).isZero();
    }

    @Test
    void aTransientFailureIsRetriedInAFreshTransaction() {
        AtomicInteger attempts = new AtomicInteger();

        inProcess.write(tx -> {
            tx.run("CREATE (:Probe)").consume();
            if (attempts.incrementAndGet() < 3) {
                throw new TransientException("Neo.TransientError.Transaction.LockAcquisitionTimeout", "try again");
            }
            return null;
        });

        assertThat(attempts).hasValue(3);
        assertThat(probes()).isEqualTo(1);
    }

    @Test
    void twoWritersThatDeadlockBothCommitEventually() {
        CountDownLatch bothHoldTheirFirstLock = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();

        CompletableFuture<Void> forward = CompletableFuture.runAsync(
                () -> touchInOrder("llama", "vicuna", bothHoldTheirFirstLock, attempts));
        CompletableFuture<Void> backward = CompletableFuture.runAsync(
                () -> touchInOrder("vicuna", "llama", bothHoldTheirFirstLock, attempts));
        CompletableFuture.allOf(forward, backward).join();

        assertThat(attempts.get()).as("one of the two was chosen as the deadlock's victim and ran again")
                .isGreaterThan(2);
        List<Long> touches = inProcess.read(tx -> tx.run("MATCH (m:Model) RETURN collect(m.touches) AS t").single()
                .get("t").asList(v -> v.asLong()));
        assertThat(touches).containsExactly(2L, 2L);
    }

    private void touchInOrder(String first, String second, CountDownLatch bothHoldTheirFirstLock, AtomicInteger attempts) {
        inProcess.write(tx -> {
            attempts.incrementAndGet();
            touch(tx, first);
            bothHoldTheirFirstLock.countDown();
            try {
                // Bounded so a broken lock manager fails the test instead of hanging it.
                bothHoldTheirFirstLock.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            touch(tx, second);
            return null;
        });
    }

    private static void touch(org.neo4j.driver.TransactionContext tx, String id) {
        tx.run("MATCH (m:Model {id: $id}) SET m.touches = coalesce(m.touches, 0) + 1", Map.of("id", id)).consume();
    }

    @Test
    void mapProjectionsOfNodesRelationshipsAndPathsArriveAsOverBolt() {
        inProcess.write(tx -> tx.run("MATCH (l:Model {id: 'llama'}), (v:Model {id: 'vicuna'}) "
                + "CREATE (v)-[:FINETUNE_OF {stage: 'sft'}]->(l)").consume());
        String query = "MATCH p = (v:Model {id: 'vicuna'})-[r]->(l) "
                + "RETURN v {.*} AS v, r {.*, type: type(r)} AS r, [n IN nodes(p) | n.id] AS path, labels(v) AS labels";

        Record viaBolt = bolt.read(tx -> tx.run(query).single());
        Record here = inProcess.read(tx -> tx.run(query).single());

        assertThat(here).isEqualTo(viaBolt);
        assertThat(here.get("v").get("id").asString()).isEqualTo("vicuna");
        assertThat(here.get("r").asMap()).containsEntry("stage", "sft").containsEntry("type", "FINETUNE_OF");
        assertThat(here.get("path").asList(v -> v.asString())).containsExactly("vicuna", "llama");
    }

    @Test
    void aWholeNodeOrPathIsRefusedNamingTheColumn() {
        assertThatThrownBy(() -> inProcess.read(tx -> tx.run("MATCH (v:Model {id: 'vicuna'}) RETURN v").single()))
                .isInstanceOf(GraphException.class).hasMessageContaining("Column 'v'").hasMessageContaining("map projection");
        assertThatThrownBy(() -> inProcess.read(tx -> tx.run("MATCH p = (v:Model {id: 'vicuna'}) RETURN p").single()))
                .isInstanceOf(GraphException.class).hasMessageContaining("Column 'p'").hasMessageContaining("path");
    }

    @Test
    void aStoppedDatabaseIsUnavailableNotTheCallersFault(@TempDir Path dir) {
        Graph graph;
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir, 0, 32)) {
            assertThatThrownBy(() -> Graph.inProcess(neo4j, "nowhere")).isInstanceOf(GraphException.class)
                    .hasMessageContaining("'nowhere'");
            graph = Graph.inProcess(neo4j, null);
            graph.write(tx -> tx.run("CREATE (:Probe)").consume());
        }

        assertThatThrownBy(() -> graph.read(tx -> tx.run("MATCH (p:Probe) RETURN count(p) AS n").single()))
                .isInstanceOf(GraphUnavailableException.class).hasMessageContaining("unavailable");
        assertThatThrownBy(() -> graph.write(tx -> tx.run("CREATE (:Probe)").consume()))
                .isInstanceOf(GraphUnavailableException.class);
    }

    private long probes() {
        return inProcess.read(tx -> tx.run("MATCH (p:Probe) RETURN count(p) AS n").single().get("n").asLong());
    }

    private static List<Record> records(Graph graph, String query, Map<String, Object> parameters) {
        return graph.read(tx -> tx.run(query, parameters).list());
    }
}
