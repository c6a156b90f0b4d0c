package org.llmtracker.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.hub.CardVersions.CardVersion;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.llmtracker.graph.hub.CardVersions;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.LineageWriter;

/**
 * Lineage across generations against an oracle: a plain breadth-first walk over the same links,
 * kept in memory. The generated graph has a version chain with a branch and a version cycle,
 * families that merge across generations, a later version that is also (wrongly) declared a
 * derivative, and ties in downloads.
 */
@Neo4jTest
class GenerationsTests {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final int MODELS = 600;

    private final Map<String, Long> downloads = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, List<String>> newer = new HashMap<>();
    private LineageQueries lineage;

    /** v0 <- v1 <- v2 <- v4 <- v2 (a cycle), v1 <- v3; each version heads a family; some models merge two families. */
    @BeforeEach
    void hub(Graph graph) {
        lineage = new LineageQueries(graph);
        Random random = new Random(7);
        List<String> ids = IntStream.range(0, MODELS).mapToObj(i -> "o/m" + i).toList();
        List<String> versions = List.of("o/m0", "o/m1", "o/m2", "o/m3", "o/m4");
        List<HubModel> models = new ArrayList<>();
        for (String id : ids) {
            long d = random.nextInt(5) == 0 ? 100 : random.nextInt(100_000); // ties on purpose
            downloads.put(id, d);
            models.add(new HubModel(id, "o", d, null, null, null, null, null, null, null, null));
        }
        List<Derivation> links = new ArrayList<>();
        for (int i = versions.size(); i < MODELS; i++) {
            int parents = random.nextInt(12) == 0 ? 2 : 1;
            Set<String> chosen = new HashSet<>();
            for (int p = 0; p < parents; p++) {
                chosen.add(ids.get(random.nextInt(i)));
            }
            for (String parent : chosen) {
                links.add(new Derivation(ids.get(i), parent, parents > 1 ? Relation.MERGE
                        : random.nextBoolean() ? Relation.FINETUNE : Relation.QUANTIZED, List.of(), "hf-tag"));
            }
        }
        links.add(new Derivation("o/m3", "o/m10", Relation.FINETUNE, List.of(), "hf-tag")); // a version, also a derivative
        links.forEach(d -> children.computeIfAbsent(d.parent(), k -> new ArrayList<>()).add(d.child()));
        LineageWriter writer = new LineageWriter(graph);
        writer.upsertModels(models, NOW);
        writer.upsertDerivations(links, NOW);
        List<CardVersion> cards = List.of(new CardVersion("o/m0", "o/m1"), new CardVersion("o/m1", "o/m2"),
                new CardVersion("o/m2", "o/m4"), new CardVersion("o/m4", "o/m2"));
        new CardVersions(graph).write(cards, NOW);
        // A card names one newer version; the branch comes from another source, as the catalogue would add it.
        graph.write(tx -> tx.run("""
                MATCH (a:Model {id: 'o/m3'}), (b:Model {id: 'o/m1'})
                CREATE (a)-[:NEW_VERSION_OF {sources: ['catalog']}]->(b)""").consume());
        cards.forEach(c -> newer.computeIfAbsent(c.model(), k -> new ArrayList<>()).add(c.newer()));
        newer.get("o/m1").add("o/m3");
    }

    @Test
    void descendantsAcrossGenerationsAreTheLinesABreadthFirstWalkFinds() {
        for (String start : List.of("o/m0", "o/m1", "o/m2", "o/m7")) {
            for (int maxDepth : List.of(1, 3, 10)) {
                List<Relative> expected = oracle(start, maxDepth);
                var all = lineage.descendants(start, RelativeFilter.depth(maxDepth), 0, 1000, true);

                assertThat(all.total()).as("%s depth %d", start, maxDepth).isEqualTo(expected.size());
                assertThat(all.items()).extracting(Relative::id, Relative::depth, Relative::generation, GenerationsTests::isVersion)
                        .as("%s depth %d", start, maxDepth)
                        .containsExactlyElementsOf(expected.stream()
                                .map(r -> tuple(r.id(), r.depth(), r.generation(), isVersion(r))).toList());
                var second = lineage.descendants(start, RelativeFilter.depth(maxDepth), 7, 7, true);
                assertThat(second.items()).extracting(Relative::id).containsExactlyElementsOf(
                        expected.subList(Math.min(7, expected.size()), Math.min(14, expected.size())).stream()
                                .map(Relative::id).toList());
            }
        }
    }

    @Test
    void laterVersionsAreMarkedAndTheVersionCycleEnds() {
        var page = lineage.descendants("o/m0", RelativeFilter.depth(10), 0, 1000, true);

        assertThat(page.items()).filteredOn(r -> Relative.NEW_VERSION.equals(r.relation()))
                .extracting(Relative::id, Relative::depth, Relative::via)
                .containsExactlyInAnyOrder(tuple("o/m1", 1, "o/m0"),
                        tuple("o/m2", 2, "o/m1"),
                        tuple("o/m3", 2, "o/m1"),
                        tuple("o/m4", 3, "o/m2"));
    }

    @Test
    void defaultReadsFollowNoVersionLink() {
        var plain = lineage.descendants("o/m0", RelativeFilter.depth(10), 0, 1000);

        assertThat(plain.items()).extracting(Relative::id).containsExactlyElementsOf(line("o/m0", 10).keySet().stream()
                .filter(id -> !id.equals("o/m0")).sorted(order()).toList());
        assertThat(plain.items()).allSatisfy(r -> assertThat(r.generation()).isNull());
    }

    @Test
    void aRelationFilterKeepsDerivationsOnly() {
        var quantized = lineage.descendants("o/m0", new RelativeFilter(Relation.QUANTIZED, null, 10, null), 0, 1000, true);

        assertThat(quantized.items()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.relations()).contains("QUANTIZED"))
                .noneSatisfy(r -> assertThat(r.relation()).isEqualTo(Relative.NEW_VERSION));
        assertThat(quantized.total()).isEqualTo(quantized.items().size());
    }

    @Test
    void theTreeHangsEachLaterVersionBelowTheOneItSucceedsAndShowsEachModelOnce() {
        var tree = lineage.tree("o/m0", 20, 2000, true).orElseThrow();

        List<String> shown = new ArrayList<>();
        Map<String, String> versionParent = new TreeMap<>();
        walk(tree.root(), null, shown, versionParent);
        Set<String> expected = new HashSet<>();
        for (String root : versionsOf("o/m0").keySet()) {
            expected.addAll(line(root, 20).keySet());
        }
        expected.add("o/m0");
        assertThat(shown).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(tree.nodes()).isEqualTo(expected.size());
        assertThat(versionParent).containsEntry("o/m1", "o/m0").containsEntry("o/m2", "o/m1").containsEntry("o/m4", "o/m2");
        assertThat(lineage.tree("o/m0", 20, 2000, false).orElseThrow().root().children())
                .noneSatisfy(c -> assertThat(c.relation()).isEqualTo(Relative.NEW_VERSION));
    }

    private static boolean isVersion(Relative r) {
        return Relative.NEW_VERSION.equals(r.relation());
    }

    private static void walk(TreeNode node, String parent, List<String> shown, Map<String, String> versionParent) {
        shown.add(node.id());
        if (Relative.NEW_VERSION.equals(node.relation())) {
            versionParent.put(node.id(), parent);
        }
        node.children().forEach(c -> walk(c, node.id(), shown, versionParent));
    }

    // ---- the oracle: breadth-first walks over the links as written ----

    /** Later versions of {@code start}, breadth-first, with their version steps; the start first, at 0. */
    private Map<String, Integer> versionsOf(String start) {
        Map<String, Integer> steps = new LinkedHashMap<>();
        steps.put(start, 0);
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String n : newer.getOrDefault(v, List.of()).stream().sorted().toList()) {
                if (steps.putIfAbsent(n, steps.get(v) + 1) == null) {
                    queue.add(n);
                }
            }
        }
        return steps;
    }

    /** Descendants of {@code root} at their shortest depth (the root at 0). */
    private Map<String, Integer> line(String root, int maxDepth) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        depth.put(root, 0);
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            String m = queue.poll();
            if (depth.get(m) == maxDepth) {
                continue;
            }
            for (String c : children.getOrDefault(m, List.of())) {
                if (depth.putIfAbsent(c, depth.get(m) + 1) == null) {
                    queue.add(c);
                }
            }
        }
        return depth;
    }

    private List<Relative> oracle(String start, int maxDepth) {
        Map<String, Integer> versions = versionsOf(start);
        Map<String, Relative> found = new LinkedHashMap<>();
        versions.forEach((v, steps) -> {
            if (steps > 0) {
                found.put(v, relative(v, steps, Relative.NEW_VERSION, v));
            }
        });
        versions.keySet().forEach(root -> line(root, maxDepth).forEach((id, depth) -> {
            if (!versions.containsKey(id)) {
                found.putIfAbsent(id, relative(id, depth, null, root));
            }
        }));
        return found.values().stream().sorted(Comparator.comparing(Relative::id, order())).toList();
    }

    private Relative relative(String id, int depth, String relation, String generation) {
        return new Relative(id, id, "model", depth, relation, List.of(), List.of(), null, downloads.get(id), null, false,
                generation, List.of(), null);
    }

    /** Downloads descending, then name (the id here) lower-cased, then id. */
    private Comparator<String> order() {
        return Comparator.comparing((String id) -> downloads.get(id), Comparator.reverseOrder())
                .thenComparing(id -> id.toLowerCase(Locale.ROOT)).thenComparing(id -> id);
    }
}
