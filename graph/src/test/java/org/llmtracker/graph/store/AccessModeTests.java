package org.llmtracker.graph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.llmtracker.graph.testing.Entries.base;
import static org.llmtracker.graph.testing.Entries.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.model.ModelFilter;
import org.llmtracker.graph.model.ModelQueries;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.testing.Neo4jTest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;

/**
 * A cluster routes a transaction by its access mode: reads to followers and read replicas,
 * writes to the leader. These tests watch which kind of transaction each query opens, and
 * show the server itself refusing a write on the read path, so a read can never be a
 * write in disguise.
 */
@Neo4jTest
class AccessModeTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    private final List<String> transactions = new CopyOnWriteArrayList<>();
    private Graph watched;

    @BeforeEach
    void family(Graph graph, Driver driver) {
        new CatalogWriter(graph).applyFile(List.of(
                model("llama"),
                model("vicuna", base("llama", Relation.FINETUNE, Stage.SFT)),
                model("minigpt-4", base("vicuna", Relation.FINETUNE, Stage.SFT))), NOW);
        watched = Graph.overBolt(watching(driver), null);
    }

    @Test
    void everyLineageAndModelQueryRunsInAReadTransaction() {
        LineageQueries lineage = new LineageQueries(watched);
        ModelQueries models = new ModelQueries(watched);

        assertThat(lineage.descendants("llama", RelativeFilter.depth(10), 0, 50).items()).isNotEmpty();
        assertThat(lineage.descendants("llama", new RelativeFilter(null, Stage.SFT, 10, null), 0, 50).items()).isNotEmpty();
        assertThat(lineage.ancestors("minigpt-4", RelativeFilter.depth(10), 0, 50).items()).isNotEmpty();
        assertThat(lineage.tree("llama", 3, 100)).isPresent();
        assertThat(lineage.path("minigpt-4", "llama")).isPresent();
        assertThat(models.resolve("LLaMA")).contains("llama");
        assertThat(models.list(new ModelFilter("llama", null, null, null, null, null, null), 0, 10).items()).isNotEmpty();
        assertThat(models.detail("vicuna")).isPresent();
        models.organisations();
        new CrawlRunStore(watched).list(null, 10);

        assertThat(transactions).hasSizeGreaterThanOrEqualTo(10).containsOnly("executeRead");
    }

    @Test
    void writesRunInWriteTransactions() {
        new CatalogWriter(watched).applyFile(List.of(model("llama"), model("alpaca", base("llama", Relation.FINETUNE))),
                NOW);

        assertThat(transactions).isNotEmpty().contains("executeWrite").doesNotContain("run", "beginTransaction");
    }

    @Test
    void theServerRefusesAWriteOnTheReadPath(Graph graph) {
        assertThatThrownBy(() -> graph.read(tx -> tx.run("CREATE (:Probe)").consume()))
                .isInstanceOfSatisfying(ClientException.class,
                        e -> assertThat(e.code()).isEqualTo("Neo.ClientError.Statement.AccessMode"));
        long probes = graph.read(tx -> tx.run("MATCH (p:Probe) RETURN count(p) AS n").single().get("n").asLong());
        assertThat(probes).isZero();
    }

    /** The real driver, with every session reporting which kind of transaction it was asked for. */
    private Driver watching(Driver driver) {
        return proxy(Driver.class, driver, (name, result) -> result instanceof Session session
                ? proxy(Session.class, session, (sessionCall, r) -> {
                    if (sessionCall.equals("executeRead") || sessionCall.equals("executeWrite")
                            || sessionCall.equals("run") || sessionCall.equals("beginTransaction")) {
                        transactions.add(sessionCall);
                    }
                    return r;
                })
                : result);
    }

    private interface Observer {
        Object seen(String method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, Observer observer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            try {
                return observer.seen(method.getName(), method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
