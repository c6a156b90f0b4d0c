package org.llmtracker.bench;

import java.nio.file.Path;

/**
 * Writes the benchmark's generated graph into an embedded store folder and leaves it there, so
 * the application can open it ({@code --tracker.neo4j.data-dir=DIR}) and its pages be looked at,
 * and timed, at Hub scale. Arguments: the number of models, the folder (empty or new), and
 * optionally the seed (42, as the benchmark). Prints the root of the biggest family.
 */
public final class StoreMain {

    private StoreMain() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: StoreMain MODELS DIR [SEED]");
            System.exit(2);
        }
        int models = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        LineageData data = new LineageGenerator(seed).generate(models);
        try (Neo4jLineage store = new Neo4jLineage(dir, 1024, true)) {
            LineageStore.Ingest ingest = store.load(data);
            System.out.printf("Wrote %,d models and %,d links to %s in %.1f s%n", ingest.models(), ingest.edges(),
                    dir.toAbsolutePath(), ingest.seconds());
        }
        LineageData.Landmarks landmarks = data.landmarks();
        System.out.printf("Biggest family: %s (%,d models)%n", landmarks.biggestRoot(), landmarks.familySize());
    }
}
