package org.llmtracker.graph.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Entries;
import org.llmtracker.graph.testing.Neo4jTest;

@Neo4jTest
class RepositoryWriterTests {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private static RepositoryFacts facts(String name, long stars) {
        return new RepositoryFacts(name.toLowerCase(), name, "https://github.com/" + name, null, stars, 1, 1, 1, "MIT",
                List.of(), NOW, false);
    }

    @Test
    void factsAreChangedWhenAnyFieldMovesAndUnchangedWhenGithubSaysTheSameAgain(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(Entries.withHosting(Entries.model("a"), List.of("org/repo"), List.of())), NOW);
        RepositoryWriter writer = new RepositoryWriter(graph);
        RepositoryFacts first = facts("org/repo", 10);
        assertThat(writer.recordFacts(first, NOW)).as("first crawl").isTrue();
        assertThat(writer.recordFacts(facts("org/repo", 10), NOW.plusSeconds(60))).as("same answer").isFalse();

        List<RepositoryFacts> oneFieldMoved = List.of(
                new RepositoryFacts("org/repo", "org/repo", first.url(), "now described", 10, 1, 1, 1, "MIT", List.of(), NOW, false),
                new RepositoryFacts("org/repo", "org/repo", first.url(), "now described", 10, 1, 1, 1, "MIT", List.of("llm"), NOW, false),
                new RepositoryFacts("org/repo", "org/repo", first.url(), "now described", 10, 1, 1, 1, "MIT", List.of("llm"), NOW, true),
                new RepositoryFacts("org/repo", "org/repo", first.url(), "now described", 10, 1, 1, 2, "MIT", List.of("llm"), NOW, true));
        for (RepositoryFacts moved : oneFieldMoved) {
            assertThat(writer.recordFacts(moved, NOW.plusSeconds(120))).as("%s", moved).isTrue();
            assertThat(writer.recordFacts(moved, NOW.plusSeconds(180))).as("%s again", moved).isFalse();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRenameOntoACataloguedRepositoryFoldsTheOldOneIntoItKeepingItsHistory(Graph graph) {
        new CatalogWriter(graph).applyFile(List.of(
                Entries.withHosting(Entries.model("a"), List.of("old/repo"), List.of()),
                Entries.withHosting(Entries.model("b"), List.of("new/Repo"), List.of())), NOW);
        RepositoryWriter writer = new RepositoryWriter(graph);
        writer.recordFacts(facts("old/repo", 10), NOW);
        writer.recordReleases("old/repo", List.of(new ReleaseFacts("v1", "one", NOW, false, null),
                new ReleaseFacts("v2", "two", NOW, false, null)), NOW);
        writer.recordFacts(facts("new/Repo", 12), NOW);
        writer.recordReleases("new/repo", List.of(new ReleaseFacts("v2", "two", NOW, false, null)), NOW);

        writer.rename("old/repo", "new/Repo", NOW);

        Map<String, Object> merged = graph.read(tx -> tx.run("""
                MATCH (r:Repository {fullName: 'new/repo'})
                RETURN r.aliases AS aliases, COUNT { (r)-[:HAD]->() } AS snapshots,
                       [(r)-[:PUBLISHED]->(x) | x.key] AS releases,
                       [(m:Model)-[:HOSTED_AT]->(r) | m.id] AS models,
                       COUNT { (:Repository {fullName: 'old/repo'}) } AS old,
                       COUNT { (:Release) } AS allReleases
                """).single().asMap());
        assertThat(merged).containsEntry("aliases", List.of("old/repo")).containsEntry("snapshots", 2L)
                .containsEntry("old", 0L).containsEntry("allReleases", 2L);
        assertThat((List<Object>) merged.get("releases")).containsExactlyInAnyOrder("new/repo@v1", "new/repo@v2");
        assertThat((List<Object>) merged.get("models")).containsExactlyInAnyOrder("a", "b");
    }
}
