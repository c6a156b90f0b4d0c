package org.llmtracker.graph.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.digest.Digest.NewModel;
import org.llmtracker.graph.model.Page;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/**
 * Family news of a Hub-shaped week (2026-W47): a Llama line of three generations where the newest
 * gains the most, a Qwen family, a merge of the two, a cycle, new base models and a new version.
 * Every total is checked against the parts and against the paged lists behind it.
 */
@Neo4jTest
class FamilyNewsTests {

    private static final IsoWeek WEEK = IsoWeek.parse("2026-W47").orElseThrow();
    private static final String IN = "2026-11-18T10:00:00Z";
    private static final String BEFORE = "2026-10-01T00:00:00Z";

    private Graph graph;
    private final List<Map<String, Object>> models = new ArrayList<>();
    private final List<Map<String, Object>> links = new ArrayList<>();

    @BeforeEach
    void aWeekOfTheHub(Graph graph) {
        this.graph = graph;
        model("meta-llama/Llama-2-7b", BEFORE, 1_000_000, true);
        model("meta-llama/Meta-Llama-3-8B", BEFORE, 2_000_000, false);
        model("meta-llama/Llama-3.1-8B", BEFORE, 3_000_000, false);
        model("Qwen/Qwen3-8B", BEFORE, 900_000, false);
        // the Llama 3.1 generation gains 6 this week, Llama 2 gains 1, Qwen gains 4
        for (int i = 0; i < 4; i++) {
            link(model("tuner/llama31-ft-" + i, IN, 100 + i, false), "meta-llama/Llama-3.1-8B", "FINETUNE");
        }
        link(model("TheBloke/llama31-ft-0-GGUF", IN, 5_000, false), "tuner/llama31-ft-0", "QUANTIZED");
        link(model("tuner/llama2-ft", IN, 50, false), "meta-llama/Llama-2-7b", "FINETUNE");
        for (int i = 0; i < 3; i++) {
            link(model("qwen-fan/qwen3-q" + i, IN, 10 * i, false), "Qwen/Qwen3-8B", "QUANTIZED");
        }
        // a merge of both lines counts for both
        String merge = model("merger/llama-qwen-merge", IN, 70_000, false);
        link(merge, "meta-llama/Llama-3.1-8B", "MERGE");
        link(merge, "Qwen/Qwen3-8B", "MERGE");
        // a cycle: new models with parents and no head
        link(model("loop/a", IN, 1, false), "loop/b", "FINETUNE");
        link(model("loop/b", IN, 1, false), "loop/a", "FINETUNE");
        // new base models, and a new generation of the Llama line
        model("lab/Brand-New-70B", IN, 40_000, false);
        model("lab/Small-1B", IN, 400, false);
        model("meta-llama/Llama-3.2-1B", IN, 90_000, false);
        // seen before the week: not news
        link(model("old/llama31-ft", BEFORE, 1_000_000, false), "meta-llama/Llama-3.1-8B", "FINETUNE");
        write();
    }

    @Test
    void theLlamaLineGrewMostItsLaterGenerationsCountingForIt() {
        Digest digest = new DigestQueries(graph).build(WEEK, Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(digest.families().items()).extracting(f -> f.id(), f -> f.newDescendants()).containsExactly(
                tuple("meta-llama/Llama-2-7b", 8L), // 4 fine-tunes + 1 quantization + the merge of 3.1, the 2 fine-tune, 3.2
                tuple("Qwen/Qwen3-8B", 4L));
        Digest.FamilyGrowth llama = digest.families().items().get(0);
        assertThat(llama.generations()).containsExactly("meta-llama/Llama-3.1-8B", "meta-llama/Llama-3.2-1B");
        assertThat(llama.byRelation()).containsEntry("FINETUNE", 5L).containsEntry("QUANTIZED", 1L)
                .containsEntry("MERGE", 1L).containsEntry("NEW_VERSION", 1L);
        assertThat(llama.top()).extracting(NewModel::id).containsExactly("meta-llama/Llama-3.2-1B",
                "merger/llama-qwen-merge", "TheBloke/llama31-ft-0-GGUF");
    }

    @Test
    void newBaseModelsAreRankedByDownloadsAndTheWeekAddsUp() {
        Digest digest = new DigestQueries(graph).build(WEEK, Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(digest.newFamilies().items()).extracting(NewModel::id).containsExactly("lab/Brand-New-70B", "lab/Small-1B");
        Digest.WeekCounts counts = digest.counts();
        assertThat(counts.firstSeen()).isEqualTo(15);
        assertThat(counts.newFamilies()).isEqualTo(2);
        assertThat(counts.newVersions()).isEqualTo(1);
        assertThat(counts.unplaced()).isEqualTo(2);
        assertThat(counts.derivatives()).isEqualTo(10);
        assertThat(counts.newFamilies() + counts.newVersions() + counts.derivatives() + counts.unplaced())
                .isEqualTo(counts.firstSeen()).isEqualTo(digest.newModels().total());
    }

    @Test
    void sectionsShowAtMostTheirBoundAndCountTheRest() {
        Digest digest = new DigestQueries(graph, 2).build(WEEK, Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(digest.newModels().items()).hasSize(2);
        assertThat(digest.newModels().total()).isEqualTo(15);
        assertThat(digest.newModels().items()).extracting(NewModel::id)
                .containsExactly("meta-llama/Llama-3.2-1B", "merger/llama-qwen-merge");
        assertThat(digest.derivatives().items()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void thePagedListsHoldExactlyWhatTheTotalsCount() {
        DigestQueries queries = new DigestQueries(graph);
        Digest digest = queries.build(WEEK, Instant.parse("2026-11-23T08:00:00Z"));
        DigestLists lists = new DigestLists(graph);
        assertThat(lists.newModels(WEEK, null, null, 0, 50).total()).isEqualTo(digest.newModels().total());
        assertThat(lists.newModels(WEEK, null, DigestLists.ROOT, 0, 50).items()).extracting(NewModel::id)
                .containsExactly("lab/Brand-New-70B", "lab/Small-1B");
        for (Digest.FamilyGrowth family : digest.families().items()) {
            Page<NewModel> below = lists.newModels(WEEK, family.id(), null, 0, 50);
            assertThat(below.total()).as(family.id()).isEqualTo(family.newDescendants());
            family.byRelation().forEach((relation, n) -> assertThat(
                    lists.newModels(WEEK, family.id(), relation, 0, 50).total()).as(family.id() + " " + relation).isEqualTo(n));
        }
        Page<NewModel> second = lists.newModels(WEEK, "meta-llama/Llama-2-7b", null, 2, 2);
        assertThat(second.items()).extracting(NewModel::id).containsExactly("TheBloke/llama31-ft-0-GGUF", "tuner/llama31-ft-3");
        assertThat(lists.newModels(WEEK, "nobody/none", null, 0, 10)).isNull();
    }

    private String model(String id, String firstSeen, long downloads, boolean catalogued) {
        models.add(Map.of("id", id, "firstSeenAt", Instant.parse(firstSeen).atZone(java.time.ZoneOffset.UTC),
                "downloads", downloads, "catalogued", catalogued));
        return id;
    }

    private void link(String child, String parent, String relation) {
        links.add(Map.of("child", child, "parent", parent, "relation", relation));
    }

    private void write() {
        graph.write(tx -> {
            tx.run("""
                    UNWIND $rows AS row
                    CREATE (:Model {id: row.id, name: row.id, hfId: row.id, firstSeenAt: row.firstSeenAt,
                                    downloads: row.downloads, likes: 0, catalogued: row.catalogued})
                    """, Map.of("rows", models)).consume();
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (c:Model {id: row.child}), (p:Model {id: row.parent})
                    CREATE (c)-[:DERIVED_FROM {relation: row.relation, stages: [], sources: ['hf-tag']}]->(p)
                    """, Map.of("rows", links)).consume();
            tx.run("""
                    UNWIND [['meta-llama/Meta-Llama-3-8B', 'meta-llama/Llama-2-7b'],
                            ['meta-llama/Llama-3.1-8B', 'meta-llama/Meta-Llama-3-8B'],
                            ['meta-llama/Llama-3.2-1B', 'meta-llama/Llama-3.1-8B']] AS pair
                    MATCH (newer:Model {id: pair[0]}), (older:Model {id: pair[1]})
                    CREATE (newer)-[:NEW_VERSION_OF {sources: ['catalog']}]->(older)
                    """).consume();
            Ancestry.refresh(tx, links.stream().map(l -> (String) l.get("child")).distinct().toList());
            return null;
        });
    }
}
