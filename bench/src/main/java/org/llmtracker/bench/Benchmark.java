package org.llmtracker.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One size: generate the graph; load it into Neo4j through the project's batch writer and
 * through the sweep's pages with the index kept per page (both timed only), then into a fresh
 * Neo4j as a first fill (pages, then the index in bulk) and time the questions through the
 * project's queries; then the same in PostgreSQL.
 */
public final class Benchmark {

    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);

    private final Options options;
    private final Supplier<LineageStore> neo4jWriter;
    private final Supplier<LineageStore> neo4jPages;
    private final Supplier<LineageStore> neo4j;
    private final Supplier<LineageStore> postgres;

    /**
     * @param neo4jWriter a Neo4j loaded through the batch writer, timed and closed
     * @param neo4jPages  a Neo4j loaded through the sweep's pages, the index kept per page, timed and closed
     * @param neo4j       a Neo4j loaded as a first fill, then asked every question
     */
    public Benchmark(Options options, Supplier<LineageStore> neo4jWriter, Supplier<LineageStore> neo4jPages,
            Supplier<LineageStore> neo4j, Supplier<LineageStore> postgres) {
        this.options = options;
        this.neo4jWriter = neo4jWriter;
        this.neo4jPages = neo4jPages;
        this.neo4j = neo4j;
        this.postgres = postgres;
    }

    public SizeResult run(int size) {
        LineageData data = new LineageGenerator(options.seed()).generate(size);
        LineageData.Landmarks at = data.landmarks();
        log.info("{} models, {} edges, {} families; biggest family {} models under {}", data.models(), data.edges(),
                data.families(), at.familySize(), at.biggestRoot());
        List<Question> questions = Question.about(at);

        System.gc();
        resetPeakHeap();
        LineageStore.Ingest writerIngest = null;
        if (!options.skipWriter()) {
            try (LineageStore store = neo4jWriter.get()) {
                writerIngest = load(store, data);
            }
        }
        LineageStore.Ingest pagesIngest;
        try (LineageStore store = neo4jPages.get()) {
            pagesIngest = load(store, data);
        }
        LineageStore.Ingest neo4jIngest;
        List<Stats.Timed<Answer>> neo4jTimes;
        try (LineageStore store = neo4j.get()) {
            neo4jIngest = load(store, data);
            neo4jTimes = ask(store, questions);
        }
        long peakHeap = peakHeap();

        LineageStore.Ingest postgresIngest;
        List<Stats.Timed<Answer>> postgresTimes;
        try (LineageStore store = postgres.get()) {
            postgresIngest = load(store, data);
            postgresTimes = ask(store, questions);
        }
        List<SizeResult.Row> rows = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            rows.add(new SizeResult.Row(questions.get(i).title(), neo4jTimes.get(i).stats(), postgresTimes.get(i).stats(),
                    neo4jTimes.get(i).answer(), postgresTimes.get(i).answer()));
        }
        return new SizeResult(at, data.models(), data.edges(), data.families(), writerIngest, pagesIngest, neo4jIngest,
                postgresIngest, rows, peakHeap);
    }

    private static LineageStore.Ingest load(LineageStore store, LineageData data) {
        LineageStore.Ingest ingest = store.load(data);
        log.info("{}: loaded in {} s ({} models/s)", store.name(), String.format("%.1f", ingest.seconds()),
                Math.round(ingest.modelsPerSecond()));
        return ingest;
    }

    private List<Stats.Timed<Answer>> ask(LineageStore store, List<Question> questions) {
        List<Stats.Timed<Answer>> times = new ArrayList<>();
        for (Question question : questions) {
            Stats.Timed<Answer> timed = Stats.measure(() -> question.ask().apply(store), options.warmup(), options.runs(),
                    options.seconds());
            log.info("{}: {}: p50 {} ms, answer {}", store.name(), question.title(),
                    String.format("%.1f", timed.stats().p50()), timed.answer());
            times.add(timed);
        }
        return times;
    }

    private static void resetPeakHeap() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one moment. */
    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
