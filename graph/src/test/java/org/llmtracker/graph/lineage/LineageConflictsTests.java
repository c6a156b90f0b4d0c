package org.llmtracker.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.base;
import static org.llmtracker.graph.testing.Entries.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.hub.LineageWriter;
import org.llmtracker.graph.inference.InferredLink;
import org.llmtracker.graph.inference.InferredLinks;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.testing.Plans;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.ProfiledPlan;

/**
 * The conflicts come from the models a kind can name, found through indexes; they must be exactly
 * what the kinds find over every link of the store, for the list and for each model's page.
 */
@Neo4jTest
class LineageConflictsTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final String EVERY_LINK = "MATCH (c:Model)-[d:DERIVED_FROM]->(p:Model) RETURN c, d, p";
    private static final String GGUF = "TheBloke/Llama-2-13B-chat-GGUF";
    private static final String DECLARED = "meta-llama/Llama-2-13b-chat-hf";
    private static final String INFERRED = "NousResearch/Llama-2-13b-chat-hf";

    private Graph graph;

    @BeforeEach
    void aCatalogueTheHubDisagreesWith(Graph graph) {
        this.graph = graph;
        CatalogWriter catalogue = new CatalogWriter(graph);
        List<CatalogEntry> entries = new ArrayList<>(List.of(model("llama"),
                model("alpaca", base("llama", Relation.FINETUNE)),
                model("vicuna", base("llama", Relation.FINETUNE))));
        catalogue.applyFile(plus(entries, model("koala", base("llama", Relation.FINETUNE))), NOW);

        LineageWriter hub = new LineageWriter(graph);
        List<HubModel> models = new ArrayList<>();
        List<Derivation> links = new ArrayList<>();
        // The root's many Hub-only children name no conflict and must not be read for one.
        for (int i = 0; i < 40; i++) {
            models.add(hubModel("fans/llama-ft-" + i));
            links.add(new Derivation("fans/llama-ft-" + i, "llama", i % 2 == 0 ? Relation.FINETUNE : Relation.QUANTIZED,
                    List.of(), "hf-tag"));
        }
        models.addAll(List.of(hubModel(GGUF), hubModel(DECLARED), hubModel(INFERRED)));
        hub.upsertModels(models, NOW);
        links.add(new Derivation("alpaca", "llama", Relation.ADAPTER, List.of(), "hf-tag"));
        links.add(new Derivation("vicuna", "alpaca", Relation.MERGE, List.of(), "hf-card"));
        links.add(new Derivation("koala", "llama", Relation.MERGE, List.of(), "hf-tag"));
        hub.upsertDerivations(links, NOW);

        // koala leaves the catalogue; its catalogue link stays, and so does the disagreement.
        catalogue.applyFile(entries, NOW.plusSeconds(60));

        // A card declares a parent after inference chose another.
        new InferredLinks(graph).record(List.of(new InferredLinks.Decision(GGUF,
                new InferredLink(GGUF, INFERRED, Relation.QUANTIZED, 0.9, List.of("name")))), NOW);
        hub.upsertDerivations(List.of(new Derivation(GGUF, DECLARED, Relation.QUANTIZED, List.of(), "hf-tag")), NOW);
    }

    @Test
    void theListIsWhatTheKindsFindOverEveryLink() {
        List<String> listed = new LineageConflicts(graph).list().stream().map(LineageConflictsTests::line).toList();

        assertThat(listed).containsExactly(
                "RELATION alpaca -> llama",
                "RELATION koala -> llama",
                "INFERRED_DIFFERS thebloke/llama-2-13b-chat-gguf -> meta-llama/llama-2-13b-chat-hf",
                "HUB_ONLY_PARENT vicuna -> alpaca");
        assertThat(listed).isEqualTo(overEveryLink());
    }

    @Test
    void aModelsPageGetsTheConflictsNamingItAsChildParentOrInferredParent() {
        LineageConflicts conflicts = new LineageConflicts(graph);
        for (String id : List.of("llama", "alpaca", "vicuna", "koala", "fans/llama-ft-3", GGUF, DECLARED, INFERRED)) {
            String key = id.toLowerCase();
            List<String> expected = conflicts.list().stream()
                    .filter(c -> key.equals(c.child()) || key.equals(c.parent()) || key.equals(c.inferredParent()))
                    .map(LineageConflictsTests::line).toList();
            assertThat(conflicts.involving(id).stream().map(LineageConflictsTests::line).toList()).as(id).isEqualTo(expected);
        }
        assertThat(conflicts.involving("llama")).hasSize(2);
        assertThat(conflicts.involving(INFERRED)).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo("INFERRED_DIFFERS"));
        assertThat(conflicts.involving("fans/llama-ft-3")).isEmpty();
    }

    /** Past the threshold, a page reads the sets instead of the children, and finds the same. */
    @Test
    void aRootWithManyChildrenGetsTheSameConflictsAsTheListNames(Driver driver) {
        linkHubChildren("llama", (int) LineageConflicts.FEW_CHILDREN);
        LineageConflicts conflicts = new LineageConflicts(graph);

        assertThat(conflicts.involving("llama").stream().map(LineageConflictsTests::line))
                .containsExactly("RELATION alpaca -> llama", "RELATION koala -> llama");
        assertThat(conflicts.involving("alpaca").stream().map(LineageConflictsTests::line))
                .containsExactly("RELATION alpaca -> llama", "HUB_ONLY_PARENT vicuna -> alpaca");
        ProfiledPlan plan = profiled(driver, LineageConflicts.AROUND_MANY_CHILDREN, "llama");
        assertThat(Plans.dbHits(plan)).as("reads the sets, not the children, in %s", Plans.described(plan))
                .isLessThan(LineageConflicts.FEW_CHILDREN);
    }

    /**
     * Inference that declarations displaced can run into the hundreds of thousands at Hub scale;
     * a leaf's page must not read them all (the sets were half a leaf page's time at 1M models).
     * Reading the three sets and keeping the links that name the leaf costs more than 300 hits here.
     */
    @Test
    void aLeafsPageReadsItsOwnLinksNotEveryModelInASet(Driver driver) {
        List<HubModel> displaced = new ArrayList<>();
        List<InferredLinks.Decision> inferred = new ArrayList<>();
        List<Derivation> declared = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = "quants/model-" + i;
            displaced.add(hubModel(id));
            inferred.add(new InferredLinks.Decision(id, new InferredLink(id, INFERRED, Relation.QUANTIZED, 0.9, List.of("name"))));
            declared.add(new Derivation(id, DECLARED, Relation.QUANTIZED, List.of(), "hf-tag"));
        }
        new LineageWriter(graph).upsertModels(displaced, NOW);
        new InferredLinks(graph).record(inferred, NOW);
        new LineageWriter(graph).upsertDerivations(declared, NOW);

        assertThat(new LineageConflicts(graph).involving("quants/model-7")).singleElement()
                .satisfies(c -> assertThat(c.parent()).isEqualTo(DECLARED.toLowerCase()));
        ProfiledPlan plan = profiled(driver, LineageConflicts.AROUND_FEW_CHILDREN, "fans/llama-ft-3");
        assertThat(Plans.dbHits(plan)).as("database hits of %s", Plans.described(plan)).isLessThan(100);
    }

    @Test
    void pagesSplitTheListWithItsTotal() {
        var first = new LineageConflicts(graph).page(0, 3);
        var rest = new LineageConflicts(graph).page(3, 3);
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.items()).hasSize(3);
        assertThat(rest.items()).singleElement().satisfies(c -> assertThat(c.child()).isEqualTo("vicuna"));
    }

    private List<String> overEveryLink() {
        return graph.read(tx -> tx.run(LineageConflicts.KINDS.formatted(EVERY_LINK), Map.of("skip", 0, "limit", 1_000))
                .single().get("items").asList((Value v) -> v.get("kind").asString() + " " + v.get("child").asString()
                        + " -> " + v.get("parent").asString()));
    }

    private static String line(Conflict c) {
        return c.kind() + " " + c.child() + " -> " + c.parent();
    }

    /**
     * Most Hub models have no link, so the store holds far fewer links than models; the planner
     * then reads every link and keeps the catalogued children (2.1 s at 4M models) unless told to
     * seek the catalogue's index.
     */
    @Test
    void theCandidatesAreFoundThroughIndexesEvenWhenLinksAreFewerThanModels(Driver driver) {
        List<HubModel> unlinked = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            unlinked.add(hubModel("quiet/model-" + i));
        }
        new LineageWriter(graph).upsertModels(unlinked, NOW);
        graph.write(tx -> tx.run("CALL db.resampleOutdatedIndexes()").consume());

        List<String> operators = Plans.operators(Plans.profiled(driver, "CALL { " + LineageConflicts.CANDIDATES + " } RETURN count(*)",
                Map.of()));
        assertThat(operators).as("plan: %s", operators)
                .noneMatch(o -> o.contains("RelationshipTypeScan") || o.startsWith("NodeByLabelScan")
                        || o.startsWith("AllNodesScan"));
    }

    private void linkHubChildren(String parent, int count) {
        List<HubModel> models = new ArrayList<>();
        List<Derivation> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            models.add(hubModel("crowd/" + parent + "-" + i));
            links.add(new Derivation("crowd/" + parent + "-" + i, parent, Relation.QUANTIZED, List.of(), "hf-tag"));
        }
        LineageWriter hub = new LineageWriter(graph);
        hub.upsertModels(models, NOW);
        hub.upsertDerivations(links, NOW);
    }

    private static ProfiledPlan profiled(Driver driver, String links, String id) {
        return Plans.profiled(driver, "CALL { " + links + " } RETURN count(*)", Map.of("id", id));
    }

    private static HubModel hubModel(String id) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), 10L, 0L, null, null, null, null,
                NOW.minusSeconds(86_400), null, null);
    }

    private static List<CatalogEntry> plus(List<CatalogEntry> entries, CatalogEntry more) {
        List<CatalogEntry> all = new ArrayList<>(entries);
        all.add(more);
        return all;
    }
}
