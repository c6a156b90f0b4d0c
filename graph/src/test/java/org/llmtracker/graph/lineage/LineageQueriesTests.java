package org.llmtracker.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmtracker.graph.testing.Entries.base;
import static org.llmtracker.graph.testing.Entries.model;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.ancestry.Ancestry;

@Neo4jTest
class LineageQueriesTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    private Graph graph;
    private LineageQueries lineage;

    /**
     * llama <- alpaca (SFT) ; llama <- vicuna (SFT) <- minigpt-4 (SFT) ; llama <- stackllama (SFT, RM, PPO)
     * llama <- llama-q4 (QUANTIZED) ; merged <- alpaca + vicuna (MERGE)
     */
    @BeforeEach
    void family(Graph graph) {
        this.graph = graph;
        this.lineage = new LineageQueries(graph);
        new CatalogWriter(graph).applyFile(List.of(
                model("llama"),
                model("alpaca", base("llama", Relation.FINETUNE, Stage.SFT)),
                model("vicuna", base("llama", Relation.FINETUNE, Stage.SFT)),
                model("minigpt-4", base("vicuna", Relation.FINETUNE, Stage.SFT)),
                model("stackllama", base("llama", Relation.FINETUNE, Stage.SFT, Stage.RM, Stage.PPO)),
                model("llama-q4", base("llama", Relation.QUANTIZED)),
                model("merged", base("alpaca", Relation.MERGE), base("vicuna", Relation.MERGE))), NOW);
    }

    @Test
    void descendantsIncludeThoseDerivedThroughAnotherModel() {
        var page = lineage.descendants("llama", RelativeFilter.depth(10), 0, 50);

        assertThat(page.items()).extracting(Relative::id)
                .containsExactlyInAnyOrder("alpaca", "vicuna", "minigpt-4", "stackllama", "llama-q4", "merged");
        assertThat(page.items()).filteredOn(k -> k.id().equals("minigpt-4")).singleElement()
                .satisfies(k -> {
                    assertThat(k.depth()).isEqualTo(2);
                    assertThat(k.via()).isEqualTo("vicuna");
                });
    }

    @Test
    void aMergeReachedAlongTwoPathsIsListedOnce() {
        var page = lineage.descendants("llama", RelativeFilter.depth(10), 0, 50);

        assertThat(page.items()).filteredOn(k -> k.id().equals("merged")).hasSize(1);
        assertThat(page.total()).isEqualTo(6);
    }

    @Test
    void filtersByTrainingStage() {
        var page = lineage.descendants("llama", new RelativeFilter(null, Stage.PPO, 10, null), 0, 50);

        assertThat(page.items()).extracting(Relative::id).containsExactly("stackllama");
    }

    @Test
    void filtersByRelation() {
        var page = lineage.descendants("llama", new RelativeFilter(Relation.QUANTIZED, null, 10, null), 0, 50);

        assertThat(page.items()).extracting(Relative::id).containsExactly("llama-q4");
    }

    @Test
    void aRelationAndAStageTogetherKeepTheRowsNamingBothAtEveryDepthBound() {
        for (int maxDepth : new int[] {1, 2, 10}) {
            List<Relative> all = lineage.descendants("llama", RelativeFilter.depth(maxDepth), 0, 50).items();
            for (Relation relation : Relation.values()) {
                for (Stage stage : Stage.values()) {
                    RelativeFilter both = new RelativeFilter(relation, stage, maxDepth, null);
                    List<Relative> expected = all.stream().filter(both::keeps).toList();

                    var page = lineage.descendants("llama", both, 0, 50);

                    assertThat(page.items()).as("%s", both).isEqualTo(expected);
                    assertThat(page.total()).as("%s", both).isEqualTo(expected.size());
                }
            }
        }
        assertThat(lineage.descendants("llama", new RelativeFilter(Relation.FINETUNE, Stage.PPO, 10, null), 0, 50).items())
                .extracting(Relative::id).containsExactly("stackllama");
    }

    @Test
    void stopsAtTheRequestedDepth() {
        var page = lineage.descendants("llama", RelativeFilter.depth(1), 0, 50);

        assertThat(page.items()).extracting(Relative::id).doesNotContain("minigpt-4", "merged");
    }

    @Test
    void oneGenerationBelowReadsTheModelsOwnLinksAndAnswersAsTheWholeIndexDoes() {
        graph.write(tx -> tx.run("MATCH (m:Model {id:'stackllama'}) SET m.downloads = 900").consume());
        graph.write(tx -> tx.run("MATCH (m:Model {id:'llama-q4'}) SET m.downloads = 100").consume());
        for (RelativeFilter filter : List.of(RelativeFilter.depth(1), new RelativeFilter(Relation.FINETUNE, null, 1, null),
                new RelativeFilter(null, Stage.PPO, 1, null), new RelativeFilter(Relation.QUANTIZED, null, 1, 50L),
                new RelativeFilter(Relation.MERGE, null, 1, null))) {
            RelativeFilter everyDepth = new RelativeFilter(filter.relation(), filter.stage(), 10, filter.minDownloads());
            List<Relative> depthOne = lineage.descendants("llama", everyDepth, 0, 50).items().stream()
                    .filter(k -> k.depth() == 1).toList();

            var page = lineage.descendants("llama", filter, 0, 50);
            var second = lineage.descendants("llama", filter, 1, 1);

            assertThat(page.items()).as("%s", filter).isEqualTo(depthOne);
            assertThat(page.total()).as("%s", filter).isEqualTo(depthOne.size());
            assertThat(second.items()).as("%s", filter).isEqualTo(depthOne.stream().skip(1).limit(1).toList());
        }
        assertThat(lineage.descendants("no-such-model", RelativeFilter.depth(1), 0, 50).total()).isZero();
    }

    /**
     * A download floor that few models reach is counted and paged from the downloads index, the
     * other side of a large family: the answer is the family's, filtered, whichever side is read.
     */
    @Test
    void aDownloadFloorGivesTheFamilyFilteredWhicheverSideIsRead() {
        List<org.llmtracker.graph.catalog.CatalogEntry> more = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            more.add(model("ft-" + i, base(i % 3 == 0 ? "vicuna" : "llama", Relation.FINETUNE, Stage.SFT)));
        }
        more.add(model("outsider"));
        new CatalogWriter(graph).applyFile(more, NOW);
        graph.write(tx -> tx.run("""
                MATCH (m:Model) WHERE m.id STARTS WITH 'ft-' SET m.downloads = toInteger(substring(m.id, 3)) + 1
                WITH 1 AS x
                UNWIND [['alpaca', 5000], ['ft-3', 2000], ['ft-4', 2000], ['outsider', 1000000], ['merged', 1500]] AS d
                MATCH (m:Model {id: d[0]}) SET m.downloads = d[1]
                """).consume());
        for (long floor : new long[] {1000, 1, 25, 5000, 2_000_000}) {
            for (RelativeFilter unfloored : List.of(RelativeFilter.depth(10), RelativeFilter.depth(1),
                    new RelativeFilter(Relation.FINETUNE, null, 10, null), new RelativeFilter(null, Stage.SFT, 2, null),
                    RelativeFilter.depth(10).declared(true))) {
                RelativeFilter filter = new RelativeFilter(unfloored.relation(), unfloored.stage(), unfloored.maxDepth(), floor,
                        unfloored.declaredOnly());
                List<Relative> expected = lineage.descendants("llama", unfloored, 0, 200).items().stream()
                        .filter(k -> k.downloads() != null && k.downloads() >= floor).toList();

                var page = lineage.descendants("llama", filter, 0, 50);
                assertThat(page.items()).as("%s", filter).isEqualTo(expected);
                assertThat(page.total()).as("%s", filter).isEqualTo(expected.size());
                assertThat(lineage.descendants("llama", filter, 1, 2).items()).as("%s", filter)
                        .isEqualTo(expected.stream().skip(1).limit(2).toList());
            }
        }
    }

    @Test
    void childrenByRelationAnswerInOneReadWhatEachRelationsOneGenerationReadAnswers() {
        // ties on downloads, which the name then orders, and a model without downloads
        graph.write(tx -> tx.run("MATCH (:Model {id:'llama'})<-[:DERIVED_FROM]-(c:Model) SET c.downloads = 7").consume());
        graph.write(tx -> tx.run("MATCH (m:Model {id:'stackllama'}) SET m.downloads = 900").consume());
        graph.write(tx -> tx.run("MATCH (m:Model {id:'llama-q4'}) SET m.downloads = null").consume());
        for (int limit : new int[] {1, 2, 50}) {
            var byRelation = lineage.childrenByRelation("llama", limit);
            assertThat(byRelation).isNotEmpty();
            for (Relation relation : Relation.values()) {
                var oneGeneration = lineage.descendants("llama", new RelativeFilter(relation, null, 1, null), 0, limit);
                if (oneGeneration.total() == 0) {
                    assertThat(byRelation).as("%s", relation).doesNotContainKey(relation.name());
                } else {
                    assertThat(byRelation.get(relation.name())).as("%s, %d", relation, limit).isEqualTo(oneGeneration);
                }
            }
        }
        assertThat(lineage.childrenByRelation("no-such-model", 5)).isEmpty();
    }

    @Test
    void sortsByDownloadsThenNameAndPages() {
        graph.write(tx -> tx.run("MATCH (m:Model {id:'vicuna'}) SET m.downloads = 500").consume());
        graph.write(tx -> tx.run("MATCH (m:Model {id:'alpaca'}) SET m.downloads = 100").consume());

        var first = lineage.descendants("llama", RelativeFilter.depth(10), 0, 2);
        var rest = lineage.descendants("llama", RelativeFilter.depth(10), 2, 10);

        assertThat(first.items()).extracting(Relative::id).containsExactly("vicuna", "alpaca");
        assertThat(rest.items()).extracting(Relative::id).containsExactly("llama-q4", "merged", "minigpt-4", "stackllama");
        assertThat(first.total()).isEqualTo(6);
    }

    @Test
    void walksTerminateOnCyclesAndSelfReferences() {
        // Written by hand (the writers drop self-references), so the ancestry index is refreshed by hand too.
        graph.write(tx -> {
            tx.run("""
                    MATCH (l:Model {id:'llama'}), (m:Model {id:'minigpt-4'})
                    CREATE (l)-[:DERIVED_FROM {relation:'UNKNOWN', sources:['hf-tag']}]->(m)
                    CREATE (m)-[:DERIVED_FROM {relation:'UNKNOWN', sources:['hf-tag']}]->(m)
                    """).consume();
            Ancestry.refresh(tx, List.of("llama", "minigpt-4"));
            return null;
        });

        var down = lineage.descendants("llama", RelativeFilter.depth(20), 0, 50);
        var up = lineage.ancestors("llama", RelativeFilter.depth(20), 0, 50);

        assertThat(down.items()).extracting(Relative::id).doesNotHaveDuplicates().doesNotContain("llama").hasSize(6);
        assertThat(up.items()).extracting(Relative::id).containsExactly("minigpt-4", "vicuna");
    }

    @Test
    void ancestorsOfAGrandchildNameBothGenerations() {
        var page = lineage.ancestors("minigpt-4", RelativeFilter.depth(10), 0, 50);

        assertThat(page.items()).extracting(Relative::id, Relative::depth)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("vicuna", 1), org.assertj.core.groups.Tuple.tuple("llama", 2));
    }

    @Test
    void treeNestsEachModelOnceUnderTheParentThatReachesItFirst() {
        var tree = lineage.tree("llama", 3, 100).orElseThrow();

        assertThat(tree.root().id()).isEqualTo("llama");
        assertThat(tree.nodes()).isEqualTo(7);
        assertThat(tree.root().children()).extracting(TreeNode::id)
                .containsExactlyInAnyOrder("alpaca", "vicuna", "stackllama", "llama-q4");
        TreeNode vicuna = tree.root().children().stream().filter(n -> n.id().equals("vicuna")).findFirst().orElseThrow();
        assertThat(vicuna.children()).extracting(TreeNode::id).contains("minigpt-4");
        assertThat(vicuna.childCount()).isEqualTo(2);
    }

    @Test
    void treeIsCutAtTheNodeLimitAndSaysSo() {
        var tree = lineage.tree("llama", 3, 3).orElseThrow();

        assertThat(tree.truncated()).isTrue();
        assertThat(tree.nodes()).isEqualTo(3);
    }

    @Test
    void pathFollowsLinksInEitherDirection() {
        var path = lineage.path("minigpt-4", "stackllama").orElseThrow();

        assertThat(path.nodes()).extracting(LineagePath.Step::id).containsExactly("minigpt-4", "vicuna", "llama", "stackllama");
        assertThat(path.links()).extracting(LineagePath.Link::child).containsExactly("minigpt-4", "vicuna", "stackllama");
        assertThat(path.length()).isEqualTo(3);
    }

    @Test
    void noPathBetweenUnrelatedModels() {
        graph.write(tx -> tx.run("CREATE (:Model {id:'bloom', name:'BLOOM'})").consume());

        assertThat(lineage.path("bloom", "llama")).isEmpty();
    }
}
