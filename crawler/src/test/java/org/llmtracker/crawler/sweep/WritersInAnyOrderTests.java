package org.llmtracker.crawler.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.model;
import static org.llmtracker.graph.testing.Entries.withHosting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.huggingface.HuggingFaceCrawl;
import org.llmtracker.crawler.huggingface.HubSettings;
import org.llmtracker.crawler.huggingface.testing.FixtureFamily;
import org.llmtracker.crawler.huggingface.testing.FixtureModel;
import org.llmtracker.crawler.huggingface.testing.HubFixtureServer;
import org.llmtracker.crawler.huggingface.testing.HubTestSettings;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.crawler.sweep.testing.ListedModel;
import org.llmtracker.crawler.sweep.testing.MutableHub;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.hub.HubFamilies;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/**
 * The {@code huggingface} job, a catalogue edit and the sweep meet on the same models: the
 * catalogued base and its Hub family, and a family member the catalogue comes to list. Whatever
 * order they run in, the graph ends the same, with one model per Hub id.
 */
@Neo4jTest
class WritersInAnyOrderTests {

    private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");
    private static final CatalogEntry BASE = withHosting(model("fixture-base"), List.of(), List.of(FixtureFamily.LEGACY_ROOT));
    private static final String MEMBER = "lvl2/ft000-child-0";
    private static final CatalogEntry EDIT = withHosting(model("child-zero"), List.of(), List.of(MEMBER));

    private final FixtureFamily family = FixtureFamily.generate();

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theHuggingfaceJobACatalogueEditAndTheSweepLeaveOneGraphInAnyOrder(Graph graph) {
        MutableHub listing = new MutableHub(listed(family));
        Map<String, Object> first = null;
        try (HubFixtureServer hub = HubFixtureServer.start(family, true);
                SweepRig rig = new SweepRig(graph, listing, 1000)) {
            for (List<String> order : orders()) {
                graph.write(tx -> tx.run("MATCH (n) DETACH DELETE n").consume());
                new CatalogWriter(graph).applyFile(List.of(BASE), MONDAY.minus(Duration.ofDays(1)));
                for (String step : order) {
                    switch (step) {
                        case "job" -> job(graph, hub);
                        case "edit" -> new CatalogWriter(graph).put(EDIT, MONDAY);
                        default -> rig.run(HubSweep.FULL);
                    }
                }
                Map<String, Object> state = state(graph);
                @SuppressWarnings("unchecked")
                java.util.Set<String> ids = ((Map<String, Object>) state.get("models")).keySet();
                assertThat(ids).as("%s", order).doesNotContain(FixtureFamily.ROOT.toLowerCase(Locale.ROOT), MEMBER)
                        .contains("fixture-base", "child-zero");
                assertThat(state.get("aliasesThatAreModels")).as("%s", order).isEqualTo(0L);
                if (first == null) {
                    first = state;
                } else {
                    for (String part : first.keySet()) {
                        if (state.get(part) instanceof Map<?, ?> map) {
                            assertThat(map).as("%s after %s", part, order).containsExactlyInAnyOrderEntriesOf((Map) first.get(part));
                        } else if (state.get(part) instanceof List<?> list) {
                            assertThat(list).as("%s after %s", part, order).containsExactlyElementsOf((List) first.get(part));
                        } else {
                            assertThat(state.get(part)).as("%s after %s", part, order).isEqualTo(first.get(part));
                        }
                    }
                }
            }
        }
    }

    private static List<List<String>> orders() {
        List<String> steps = List.of("job", "edit", "sweep");
        List<List<String>> orders = new ArrayList<>();
        for (String a : steps) {
            for (String b : steps) {
                for (String c : steps) {
                    if (!a.equals(b) && !b.equals(c) && !a.equals(c)) {
                        orders.add(List.of(a, b, c));
                    }
                }
            }
        }
        return orders;
    }

    private static void job(Graph graph, HubFixtureServer hub) {
        HubSettings settings = HubTestSettings.of(hub.uri(), "", 3, FixtureFamily.MIN_DOWNLOADS, 2000);
        Clock clock = Clock.fixed(MONDAY.plusSeconds(60), ZoneOffset.UTC);
        new HuggingFaceCrawl(settings, HubTestSettings.upstream(settings, d -> { }, clock), new HubFamilies(graph),
                clock).run(new CrawlRecorder());
    }

    /** The family as the Hub's listing shows it: the same tags the model answers carry. */
    private static List<ListedModel> listed(FixtureFamily family) {
        List<ListedModel> listed = new ArrayList<>();
        int i = 0;
        for (FixtureModel m : family.models()) {
            List<String> tags = new ArrayList<>(List.of("transformers", "safetensors", "mistral", "text-generation"));
            m.tagParents().forEach((parent, relation) -> {
                tags.add("base_model:" + parent);
                if (relation != null) {
                    tags.add("base_model:" + relation + ":" + parent);
                }
            });
            Instant changed = MONDAY.minus(Duration.ofMinutes(++i));
            listed.add(new ListedModel(String.format("%024x", i), m.id(), m.id().substring(0, m.id().indexOf('/')), changed,
                    changed, m.downloads(), m.likes(), "text-generation", "transformers", tags,
                    m.gated() instanceof String how ? how : "false"));
        }
        return listed;
    }

    /** What the graph says, without the times at which it was said. */
    private static Map<String, Object> state(Graph graph) {
        return graph.read(tx -> {
            Map<String, Object> state = new TreeMap<>();
            Map<String, Object> models = new TreeMap<>();
            tx.run("""
                    MATCH (m:Model)
                    RETURN m.id AS id, [m.catalogued, m.hfId, m.downloads, m.likes, m.hfStatus, m.gated, m.kind,
                            [(m)-[:PUBLISHED_BY]->(o) | o.key], COUNT { (m)-[:HAD]->() }] AS facts""")
                    .forEachRemaining(r -> models.put(r.get("id").asString(), r.get("facts").asObject()));
            state.put("models", models);
            state.put("links", tx.run("""
                    MATCH (c:Model)-[d:DERIVED_FROM]->(p:Model)
                    WITH c, p, d ORDER BY c.id, p.id
                    RETURN collect([c.id, p.id, d.relation, d.hubRelation,
                                    [s IN ['catalog', 'hf-card', 'hf-tag', 'inferred'] WHERE s IN d.sources]]) AS links""")
                    .single().get("links").asObject());
            state.put("versions", tx.run("""
                    MATCH (n:Model)-[v:NEW_VERSION_OF]->(o:Model)
                    WITH n, o, v ORDER BY n.id, o.id
                    RETURN collect([n.id, o.id]) AS versions""").single().get("versions").asObject());
            state.put("aliases", tx.run("""
                    MATCH (a:Alias)-[:ALIAS_OF]->(m:Model)
                    WITH a, m ORDER BY a.id
                    RETURN collect([a.id, m.id]) AS aliases""").single().get("aliases").asObject());
            state.put("ancestry", tx.run("""
                    MATCH (d:Model)-[r:DESCENDS_FROM]->(a:Model)
                    WITH d, a, r ORDER BY d.id, a.id
                    RETURN collect([d.id, a.id, r.depth]) AS rows""").single().get("rows").asObject());
            state.put("aliasesThatAreModels", tx.run("MATCH (a:Alias), (m:Model {id: a.id}) RETURN count(*) AS n")
                    .single().get("n").asLong());
            return state;
        });
    }
}
