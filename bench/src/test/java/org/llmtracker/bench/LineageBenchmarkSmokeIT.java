package org.llmtracker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The whole benchmark at a small size, so it cannot rot: generation, loading both stores, every
 * question on both, and the report. Neo4j and PostgreSQL must give the same answers. Needs
 * PostgreSQL on localhost:5432 (user postgres, password from PGPASSWORD or "postgres"); without
 * it the test is skipped on a workstation and fails in CI (CI=true), where .ci/run starts it.
 */
class LineageBenchmarkSmokeIT {

    private static final int MODELS = 2_000;

    @Test
    void neo4jAndPostgresqlGiveTheSameAnswerToEveryQuestion() {
        Options options = Options.parse(new String[] {"--sizes", "" + MODELS, "--runs", "1", "--warmup", "0",
                "--seconds", "0", "--page-cache-mb", "64"});
        requirePostgres(options);

        SizeResult result = new Benchmark(options,
                () -> new Neo4jLineage(options.pageCacheMegabytes(), Neo4jLineage.Loading.WRITER),
                () -> new Neo4jLineage(options.pageCacheMegabytes(), Neo4jLineage.Loading.LISTING_PAGES),
                () -> new Neo4jLineage(options.pageCacheMegabytes(), Neo4jLineage.Loading.FIRST_FILL),
                () -> new PostgresLineage(options.pgUrl(), options.pgUser(), options.pgPassword())).run(MODELS);

        assertThat(result.rows()).hasSize(Question.about(result.landmarks()).size()).allSatisfy(row -> assertThat(row.neo4jAnswer())
                .as(row.question()).isEqualTo(row.postgresAnswer()));
        assertThat(result.rows()).allSatisfy(row -> assertThat(row.neo4jAnswer().count()).as(row.question()).isPositive());
        assertThat(result.landmarks().familySize()).isEqualTo(MODELS * 3 / 10);
        assertThat(result.rows().get(0).neo4jAnswer().count()).isEqualTo(result.landmarks().familySize() - 1);
        assertThat(result.rows().get(3).neo4jAnswer().ids()).hasSize(Question.TOP);
        assertThat(Report.markdown(List.of(result), options, "smoke", Instant.EPOCH))
                .contains("| descendant count of the biggest family |").contains("| first fill: pages of 1,000")
                .contains("cores");
    }

    @Test
    void theGeneratorIsDeterministicAndShapedLikeTheHub() {
        LineageData first = new LineageGenerator(7).generate(20_000);
        LineageData second = new LineageGenerator(7).generate(20_000);

        assertThat(first.ids()).isEqualTo(second.ids());
        assertThat(first.edgeParent()).isEqualTo(second.edgeParent());
        assertThat(first.landmarks()).isEqualTo(second.landmarks());
        assertThat(first.landmarks().familySize()).isEqualTo(6_000);
        assertThat(first.landmarks().leafDepth()).isEqualTo(LineageGenerator.MAX_DEPTH);
        long merges = java.util.Arrays.stream(first.edgeRelation()).filter(r -> r.name().equals("MERGE")).count();
        long quantized = java.util.Arrays.stream(first.edgeRelation()).filter(r -> r.name().equals("QUANTIZED")).count();
        assertThat(quantized / (double) first.edges()).isBetween(0.30, 0.40);
        assertThat(merges / (double) first.edges()).isBetween(0.04, 0.12);
    }

    private static void requirePostgres(Options options) {
        try (var connection = DriverManager.getConnection(options.pgUrl() + "?connectTimeout=5", options.pgUser(),
                options.pgPassword())) {
            assertThat(connection.isValid(5)).isTrue();
        } catch (SQLException e) {
            String reason = "PostgreSQL is unreachable at " + options.pgUrl() + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(reason + " (CI=true: .ci/run should have started it)", e);
            }
            assumeThat(false).as(reason).isTrue();
        }
    }
}
