package org.llmtracker.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.neo4j.driver.Driver;
import org.llmtracker.graph.testing.Plans;
import org.neo4j.driver.summary.ProfiledPlan;

/** One generation below a family's root: read from its own links, whatever lies deeper. */
@Neo4jTest
class ChildrenTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    /** Two children, 300 grandchildren: the count reads about the two children's links and rows, not the 302 rows below the root. */
    @Test
    void countingARootsChildrenReadsTheirLinksNotEveryRowBelowIt(Graph graph, Driver driver) {
        List<HubModel> models = new ArrayList<>(List.of(hub("root/base"), hub("a/chat"), hub("b/quant")));
        List<Derivation> links = new ArrayList<>(List.of(link("a/chat", "root/base", Relation.FINETUNE),
                link("b/quant", "root/base", Relation.QUANTIZED)));
        for (int i = 0; i < 300; i++) {
            models.add(hub("fan/chat-ft-" + i));
            links.add(link("fan/chat-ft-" + i, "a/chat", Relation.FINETUNE));
        }
        new HubListingStore(graph).store(new HubListingPage(models, links), NOW);
        Map<String, Object> params = new HashMap<>();
        params.put("id", "root/base");
        params.put("relation", null);
        params.put("stage", null);
        params.put("minDownloads", null);

        ProfiledPlan plan = Plans.profiled(driver, Children.COUNT, params);

        assertThat(new LineageQueries(graph).descendants("root/base", RelativeFilter.depth(1), 0, 10).total()).isEqualTo(2);
        assertThat(Plans.dbHits(plan)).as("database hits of the count in %s", Plans.described(plan)).isLessThan(60);
    }

    private static Derivation link(String child, String parent, Relation relation) {
        return new Derivation(child, parent, relation, List.of(), "hf-tag");
    }

    private static HubModel hub(String id) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), 10L, 1L, null, null, null, null, null, null, null);
    }
}
