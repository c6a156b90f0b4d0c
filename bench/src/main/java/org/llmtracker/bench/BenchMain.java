package org.llmtracker.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the lineage benchmark at each size, prints each size's table as it finishes and
 * writes them all to {@code BENCHMARKS.md}. See {@link Options} for the arguments.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        Benchmark benchmark = new Benchmark(options,
                () -> new Neo4jLineage(options.pageCacheMegabytes(), Neo4jLineage.Loading.WRITER),
                () -> new Neo4jLineage(options.pageCacheMegabytes(), Neo4jLineage.Loading.LISTING_PAGES),
                () -> new Neo4jLineage(options.pageCacheMegabytes(), Neo4jLineage.Loading.FIRST_FILL),
                () -> new PostgresLineage(options.pgUrl(), options.pgUser(), options.pgPassword()));
        List<SizeResult> results = new ArrayList<>();
        for (int size : options.sizes()) {
            SizeResult result = benchmark.run(size);
            results.add(result);
            System.out.println(Report.table(result));
        }
        String markdown = Report.markdown(results, options, command(args), Instant.now());
        // The HTTP load figures (HttpLoad) live in the same file; a rerun of this benchmark keeps them.
        Files.writeString(options.out(), markdown.stripTrailing() + "\n\n" + HttpLoad.section(options.out()));
        System.out.println("Wrote " + options.out().toAbsolutePath());
        if (!results.stream().allMatch(SizeResult::answersAgree)) {
            System.err.println("Neo4j and PostgreSQL disagree on some answers: see the agree column");
            System.exit(1);
        }
    }

    private static String command(String[] args) {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X")).toList();
        return "java " + String.join(" ", jvm) + " -jar bench/target/llm-tracker-bench.jar " + String.join(" ", args);
    }
}
