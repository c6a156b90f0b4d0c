package org.llmtracker.crawler.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.crawler.sweep.testing.HubShape;
import org.llmtracker.crawler.sweep.testing.ListedModel;
import org.llmtracker.crawler.sweep.testing.MutableHub;
import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.hub.SweepStates;
import org.llmtracker.graph.testing.Neo4jTest;

@Neo4jTest
class HubSweepTests {

    private static final int QUOTA = 1000;

    @Test
    void aFullPassStoresEveryModelAndLinkOfAGeneratedHub(Graph graph) {
        HubShape shape = new HubShape(20_000);
        MutableHub hub = hub(shape);
        try (SweepRig rig = new SweepRig(graph, hub, QUOTA)) {
            CrawlRecorder run = rig.run();

            Set<String> links = SweepRig.expectedLinks(hub.all());
            assertThat(links).hasSizeGreaterThan(3_000);
            assertThat(rig.links()).isEqualTo(links);
            Map<String, List<Object>> models = rig.models();
            Set<String> ghosts = SweepRig.ghosts(links);
            assertThat(ghosts).isNotEmpty();
            assertThat(models).hasSize(shape.size() + ghosts.size());
            for (ListedModel m : hub.all()) {
                List<Object> facts = models.get(m.id().toLowerCase(Locale.ROOT));
                assertThat(facts).as(m.id()).isNotNull();
                assertThat(facts.get(0)).as(m.id()).isEqualTo("false".equals(m.gated()) ? "ok" : "gated");
                assertThat(facts.get(1)).as(m.id()).isEqualTo(m.downloads());
                assertThat(facts.get(4)).as(m.id()).isEqualTo(false);
            }
            ghosts.forEach(g -> assertThat(models.get(g).get(0)).as("stub %s", g).isNull());
            // ceil(N / 1000) pages, then one page of what changed meanwhile: within ceil(N / page) + 2.
            assertThat(rig.server.requests()).isEqualTo(20 + 1);
            assertThat(run.requests()).isEqualTo(rig.server.requests());
            assertThat(run.counts()).containsEntry("fullPasses", 1L).containsEntry("unlisted", 0L);
            assertThat(run.stoppedEarly()).isFalse();
            String biggest = biggestBase(links);
            assertThat(new LineageQueries(graph).descendants(biggest, RelativeFilter.depth(20), 0, 1).total())
                    .as("descendants of %s", biggest).isEqualTo(descendants(links, biggest));
            String publisher = graph.read(tx -> tx.run("""
                    MATCH (m:Model {id: $id})-[:PUBLISHED_BY]->(o:Organisation) RETURN o.key AS key""",
                    Map.of("id", shape.id(3).toLowerCase(Locale.ROOT))).single().get("key").asString());
            assertThat(publisher).isEqualTo(shape.model(3).author());
        }
    }

    @Test
    void aFullPassIntoAnEmptyStoreIsAFirstFillAndTheNextPassKeepsTheIndexPerPage(Graph graph) {
        HubShape shape = new HubShape(5_000);
        MutableHub hub = hub(shape);
        try (SweepRig rig = new SweepRig(graph, hub, QUOTA).firstFillBelow(100_000)) {
            CrawlRecorder run = rig.run();

            assertThat(run.counts()).containsEntry("firstFill", 1L).containsEntry("firstFillBuilds", 1L)
                    .containsEntry("fullPasses", 1L);
            assertThat(Ancestry.progress(graph)).isEmpty();
            Set<String> links = SweepRig.expectedLinks(hub.all());
            assertThat(rig.links()).isEqualTo(links);
            assertDescendantsOfTheBiggestBases(graph, links);

            // The next day's pass is incremental: per page, as before, on the index the fill built.
            rig.clock.advance(Duration.ofDays(1));
            Instant now = HubShape.NEWEST.plus(Duration.ofHours(20));
            String base = biggestBase(links);
            for (int k = 0; k < 300; k++) {
                ListedModel m = shape.model(7 + k * 11);
                List<String> tags = new ArrayList<>(m.tags());
                tags.add("base_model:quantized:" + base);
                hub.put(m.modified(now.plusSeconds(k), m.downloads() + 1, tags));
            }
            CrawlRecorder next = rig.run();

            assertThat(next.counts()).containsEntry("incrementalPasses", 1L).doesNotContainKey("firstFill");
            Set<String> relinked = SweepRig.expectedLinks(hub.all());
            assertThat(rig.links()).isEqualTo(relinked);
            assertDescendantsOfTheBiggestBases(graph, relinked);
        }
    }

    /** The index's totals for the five bases with the most children, against a breadth-first walk over the links. */
    private static void assertDescendantsOfTheBiggestBases(Graph graph, Set<String> links) {
        Map<String, Integer> children = new HashMap<>();
        links.forEach(l -> children.merge(l.substring(l.indexOf(" -> ") + 4, l.lastIndexOf(' ')), 1, Integer::sum));
        children.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
                .map(Map.Entry::getKey).forEach(base -> assertThat(new LineageQueries(graph)
                        .descendants(base, RelativeFilter.depth(20), 0, 1).total()).as("descendants of %s", base)
                        .isEqualTo(descendants(links, base)));
    }

    @Test
    void anIncrementalPassPicksUpExactlyTheChangedAndNewModelsAtTheStatedCost(Graph graph) {
        HubShape shape = new HubShape(4_000);
        MutableHub hub = hub(shape);
        try (SweepRig rig = new SweepRig(graph, hub, QUOTA).pageSize(500)) {
            rig.run();
            Map<String, List<Object>> before = rig.models();
            rig.clock.advance(Duration.ofDays(1));
            Instant now = HubShape.NEWEST.plus(Duration.ofHours(20));
            List<String> touched = new ArrayList<>();
            for (int k = 0; k < 700; k++) {
                ListedModel m = shape.model(5 + k * 5);
                List<String> tags = new ArrayList<>(m.tags());
                if (k % 10 == 0) {
                    tags.add("base_model:adapter:" + shape.id(3_990));
                }
                hub.put(m.modified(now.plusSeconds(k), m.downloads() + 1_000 + k, tags));
                touched.add(m.id().toLowerCase(Locale.ROOT));
            }
            for (int n = 0; n < 120; n++) {
                hub.put(new ListedModel(String.format("ffff%020x", n), "newcomer/model-" + n, "newcomer",
                        now.plusSeconds(1_000 + n), now.plusSeconds(1_000 + n), 10 + n, 1, "text-generation", "transformers",
                        List.of("transformers", "base_model:finetune:" + shape.id(3_999)), "false"));
                touched.add("newcomer/model-" + n);
            }
            long requestsBefore = rig.server.requests();

            CrawlRecorder run = rig.run();

            long requests = rig.server.requests() - requestsBefore;
            assertThat(requests).isLessThanOrEqualTo((long) Math.ceil((700 + 120) / 500.0) + 2);
            assertThat(run.counts()).containsEntry("incrementalPasses", 1L);
            assertThat(rig.links()).isEqualTo(SweepRig.expectedLinks(hub.all()));
            Map<String, List<Object>> after = rig.models();
            Instant overlap = HubShape.NEWEST.minus(Duration.ofHours(1));
            Set<String> reread = new HashSet<>();
            after.forEach((id, facts) -> {
                if (!facts.equals(before.get(id))) {
                    reread.add(id);
                }
            });
            Set<String> expected = new HashSet<>(touched);
            hub.all().stream().filter(m -> !m.lastModified().isBefore(overlap) && !m.lastModified().isAfter(HubShape.NEWEST))
                    .forEach(m -> expected.add(m.id().toLowerCase(Locale.ROOT)));
            assertThat(reread).isEqualTo(expected);
            assertThat(after.get(touched.get(1)).get(1)).isEqualTo(shape.model(10).downloads() + 1_001);
        }
    }

    @Test
    void aRunCutShortByAFailingHubResumesFromItsCursor(Graph graph) {
        MutableHub hub = hub(new HubShape(3_000));
        try (SweepRig rig = new SweepRig(graph, hub, QUOTA).pageSize(500)) {
            rig.server.afterRequest(3, () -> rig.server.failNext(100));

            CrawlRecorder cut = rig.run();

            assertThat(cut.abortReason()).contains("HTTP 500").contains("resumes");
            assertThat(cut.counts()).containsEntry("pages", 3L);
            assertThat(new SweepStates(graph, HubSweep.NAME).read().orElseThrow().pass().cursor()).contains("cursor=");
            rig.server.failNext(0);
            int asked = rig.server.targets().size();

            CrawlRecorder resumed = rig.run();

            assertThat(rig.server.targets().get(asked)).contains("cursor=");
            assertThat(resumed.counts()).containsEntry("resumed", 1L).containsEntry("fullPasses", 1L)
                    .containsEntry("pages", 3L + 1);
            assertThat(rig.links()).isEqualTo(SweepRig.expectedLinks(hub.all()));
            assertThat(rig.models()).hasSize(3_000 + SweepRig.ghosts(rig.links()).size());
        }
    }

    @Test
    void aFirstFillCutShortByAFailingHubBuildsTheIndexOverWhatItStoredAndTheRestOfThePassKeepsIt(Graph graph) {
        MutableHub hub = hub(new HubShape(3_000));
        try (SweepRig rig = new SweepRig(graph, hub, QUOTA).pageSize(500).firstFillBelow(100_000)) {
            rig.server.afterRequest(3, () -> rig.server.failNext(100));

            CrawlRecorder cut = rig.run();

            // Offline, no later run would end the pass: lineage reads must not wait for one.
            assertThat(cut.abortReason()).contains("HTTP 500");
            assertThat(cut.counts()).containsEntry("firstFill", 1L).containsEntry("firstFillBuilds", 1L);
            assertThat(Ancestry.progress(graph)).isEmpty();
            assertDescendantsOfTheBiggestBases(graph, rig.links());
            rig.server.failNext(0);

            CrawlRecorder resumed = rig.run();

            assertThat(resumed.counts()).containsEntry("resumed", 1L).containsEntry("fullPasses", 1L)
                    .doesNotContainKey("firstFillBuilds");
            assertThat(Ancestry.progress(graph)).isEmpty();
            Set<String> links = SweepRig.expectedLinks(hub.all());
            assertThat(rig.links()).isEqualTo(links);
            assertDescendantsOfTheBiggestBases(graph, links);
        }
    }

    @Test
    void aPageThatBreaksOffAndARunStoppedWhileWaitingBothResumeWhereTheyWere(Graph graph) {
        MutableHub hub = hub(new HubShape(3_000));
        try (SweepRig rig = new SweepRig(graph, hub, 2).pageSize(500)) {
            rig.sleeper(d -> {
                throw new InterruptedException("the application is stopping");
            });
            CrawlRecorder stopped = rig.run();
            boolean interrupted = Thread.interrupted(); // the stop reached this thread, as it would the job's
            assertThat(interrupted).isTrue();
            assertThat(stopped.abortReason()).contains("interrupted");
            assertThat(stopped.counts()).containsEntry("pages", 2L);

            rig.sleeper(d -> rig.clock.advance(d)).maxWait(Duration.ofMinutes(10));
            rig.server.garbleNext();
            CrawlRecorder broken = rig.run();
            assertThat(broken.abortReason()).contains("malformed");
            assertThat(broken.counts()).doesNotContainKey("pages");

            CrawlRecorder done = rig.run();
            assertThat(done.counts()).containsEntry("fullPasses", 1L).containsEntry("pages", 4L + 1);
            assertThat(rig.links()).isEqualTo(SweepRig.expectedLinks(hub.all()));
            assertThat(rig.server.targets().stream().filter(t -> !t.contains("cursor=")).count())
                    .as("first pages asked for: the pass, a resumed run never, the catch-up").isEqualTo(2);
        }
    }

    @Test
    void aModelGoneFromTheListingIsMarkedOnTheFullPassAndNothingElseChanges(Graph graph) {
        HubShape shape = new HubShape(3_000);
        MutableHub hub = hub(shape);
        try (SweepRig rig = new SweepRig(graph, hub, QUOTA).pageSize(500)) {
            rig.run();
            String parent = rig.links().stream().map(l -> l.substring(l.indexOf(" -> ") + 4, l.lastIndexOf(' ')))
                    .filter(p -> !HubShape.unlisted(p)).findFirst().orElseThrow();
            List<String> gone = List.of(shape.id(100), shape.id(2_500), hub.all().stream()
                    .filter(m -> m.id().equalsIgnoreCase(parent)).findFirst().orElseThrow().id());
            gone.forEach(hub::remove);
            Set<String> links = rig.links();
            rig.clock.advance(Duration.ofDays(1));
            assertThat(rig.run().counts()).containsEntry("incrementalPasses", 1L).doesNotContainKey("unlisted");
            Map<String, List<Object>> before = rig.models();

            rig.clock.advance(Duration.ofDays(1));
            CrawlRecorder full = rig.run(HubSweep.FULL);

            assertThat(full.counts()).containsEntry("fullPasses", 1L).containsEntry("unlisted", 3L);
            Map<String, List<Object>> after = rig.models();
            assertThat(after.keySet()).isEqualTo(before.keySet());
            after.forEach((id, facts) -> {
                boolean removed = gone.stream().anyMatch(g -> g.equalsIgnoreCase(id));
                assertThat(facts.get(0)).as(id).isEqualTo(removed ? "unlisted" : before.get(id).get(0));
                assertThat(facts.subList(1, 3)).as(id).isEqualTo(before.get(id).subList(1, 3));
            });
            assertThat(rig.links()).isEqualTo(links);
        }
    }

    @Test
    void aModelChangedWhileAFullPassReadsIsCaughtUpNotMarkedUnlisted(Graph graph) {
        HubShape shape = new HubShape(3_000);
        MutableHub hub = hub(shape);
        try (SweepRig rig = new SweepRig(graph, hub, QUOTA).pageSize(500)) {
            rig.run();
            rig.clock.advance(Duration.ofDays(8));
            ListedModel tail = shape.model(2_990);
            long first = rig.server.requests();
            // While the pass reads its third page, the tail model changes and moves ahead of the cursor.
            rig.server.afterRequest(first + 3, () -> hub.put(tail.modified(HubShape.NEWEST.plus(Duration.ofDays(8)), 777,
                    tail.tags())));

            CrawlRecorder full = rig.run();

            assertThat(full.counts()).containsEntry("fullPasses", 1L).containsEntry("unlisted", 0L)
                    .containsEntry("catchUps", 1L);
            assertThat(rig.models().get(tail.id().toLowerCase(Locale.ROOT)).subList(0, 2)).containsExactly("ok", 777L);
        }
    }

    @Test
    void theHubsRateLimitIsWaitedOutWithinTheWindowAndASpentWindowsRefusalWithinRateLimitAsked(Graph graph) {
        MutableHub hub = hub(new HubShape(3_000));
        try (SweepRig rig = new SweepRig(graph, hub, 2).pageSize(500)) {
            // The second window's first answer says one request is left; others of the account spend it first.
            rig.server.afterRequest(3, rig.server::exhaustWindow);

            CrawlRecorder run = rig.run();

            assertThat(run.counts()).containsEntry("fullPasses", 1L);
            assertThat(rig.waits).isNotEmpty().allSatisfy(w -> assertThat(w).isBetween(Duration.ofSeconds(1),
                    Duration.ofMinutes(5)));
            assertThat(rig.server.refused()).isEqualTo(1);
            // 7 pages at 2 a window: a wait at each turn of the window, the refusal's in place of one.
            assertThat(rig.waits).hasSize(3);
            assertThat(rig.links()).isEqualTo(SweepRig.expectedLinks(hub.all()));
        }
    }

    @Test
    void theSweepKeepsToItsShareOfTheWindow(Graph graph) {
        MutableHub hub = hub(new HubShape(3_000));
        try (SweepRig rig = new SweepRig(graph, hub, QUOTA).pageSize(500).share(2)) {
            CrawlRecorder run = rig.run();

            assertThat(run.counts()).containsEntry("fullPasses", 1L);
            assertThat(rig.server.refused()).isZero();
            assertThat(rig.waits).hasSize(3).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofMinutes(5)));
        }
    }

    @Test
    void aWaitLongerThanMaxWaitEndsTheRunPartialAndTheNextRunGoesOn(Graph graph) {
        MutableHub hub = hub(new HubShape(3_000));
        try (SweepRig rig = new SweepRig(graph, hub, 3).pageSize(500).maxWait(Duration.ofMinutes(1))) {
            List<CrawlRecorder> runs = new ArrayList<>();
            do {
                runs.add(rig.run());
                rig.clock.advance(Duration.ofMinutes(5));
            } while (!runs.get(runs.size() - 1).counts().containsKey("fullPasses") && runs.size() < 10);

            assertThat(runs).hasSize(3);
            assertThat(runs.subList(0, 2)).allSatisfy(r -> {
                assertThat(r.stoppedEarly()).isTrue();
                assertThat(r.partialReason()).contains("resumes the full pass");
            });
            assertThat(rig.server.requests()).isEqualTo(6 + 1);
            assertThat(rig.links()).isEqualTo(SweepRig.expectedLinks(hub.all()));
        }
    }

    @Test
    void aCursorTheHubNoLongerAcceptsBeginsThePassAgain(Graph graph) {
        MutableHub hub = hub(new HubShape(3_000));
        try (SweepRig rig = new SweepRig(graph, hub, QUOTA).pageSize(500)) {
            rig.server.afterRequest(3, rig.server::expireCursors);

            CrawlRecorder run = rig.run();

            assertThat(run.counts()).containsEntry("restarts", 1L).containsEntry("fullPasses", 1L);
            assertThat(rig.server.requests()).isEqualTo(3 + 1 + 6 + 1);
            assertThat(rig.links()).isEqualTo(SweepRig.expectedLinks(hub.all()));
            assertThat(rig.models()).hasSize(3_000 + SweepRig.ghosts(rig.links()).size());
        }
    }

    static MutableHub hub(HubShape shape) {
        return new MutableHub(IntStream.range(0, shape.size()).mapToObj(shape::model).toList());
    }

    private static String biggestBase(Set<String> links) {
        Map<String, Integer> children = new HashMap<>();
        links.forEach(l -> children.merge(l.substring(l.indexOf(" -> ") + 4, l.lastIndexOf(' ')), 1, Integer::sum));
        return children.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Everything below {@code root}, by a breadth-first walk over the links. */
    private static long descendants(Set<String> links, String root) {
        Map<String, List<String>> below = new HashMap<>();
        links.forEach(l -> below.computeIfAbsent(l.substring(l.indexOf(" -> ") + 4, l.lastIndexOf(' ')),
                k -> new ArrayList<>()).add(l.substring(0, l.indexOf(" -> "))));
        Set<String> seen = new HashSet<>(Set.of(root));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            for (String child : below.getOrDefault(queue.poll(), List.of())) {
                if (seen.add(child)) {
                    queue.add(child);
                }
            }
        }
        return seen.size() - 1;
    }
}
