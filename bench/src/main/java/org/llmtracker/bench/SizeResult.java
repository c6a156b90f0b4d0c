package org.llmtracker.bench;

import java.util.List;

/** Everything measured at one graph size. */
public record SizeResult(LineageData.Landmarks landmarks, int models, int edges, int families,
        LineageStore.Ingest neo4jWriterIngest, LineageStore.Ingest neo4jBulkIngest, LineageStore.Ingest neo4jFirstFillIngest,
        LineageStore.Ingest postgresIngest, List<Row> rows, long peakHeapBytes) {

    /** One question on both stores. */
    public record Row(String question, Stats neo4j, Stats postgres, Answer neo4jAnswer, Answer postgresAnswer) {

        public boolean agree() {
            return neo4jAnswer.equals(postgresAnswer);
        }

        public double ratio() {
            return neo4j.p50() / postgres.p50();
        }
    }

    public boolean answersAgree() {
        return rows.stream().allMatch(Row::agree);
    }
}
