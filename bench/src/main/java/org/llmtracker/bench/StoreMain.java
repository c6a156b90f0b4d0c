package org.llmtracker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Writes the benchmark's generated graph into an embedded store folder and leaves it there, so
 * the application can open it ({@code --tracker.neo4j.data-dir=DIR}) and its pages be looked at,
 * and timed, at Hub scale. Arguments: the number of models, the folder (empty or new), and
 * optionally the seed (42, as the benchmark) and how to load ({@code first-fill}, the default:
 * pages, then the ancestry index in bulk; {@code pages}: the index kept per page). Prints the root of the biggest family, and writes
 * the models the HTTP load asks about ({@link HttpLoad}) to {@code DIR/landmarks.properties}.
 */
public final class StoreMain {

    private StoreMain() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: StoreMain MODELS DIR [SEED] [first-fill|pages]");
            System.exit(2);
        }
        int models = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        LineageData data = new LineageGenerator(seed).generate(models);
        Neo4jLineage.Loading loading = args.length > 3 && args[3].equals("pages") ? Neo4jLineage.Loading.LISTING_PAGES
                : Neo4jLineage.Loading.FIRST_FILL;
        try (Neo4jLineage store = new Neo4jLineage(dir, 1024, loading, true)) {
            LineageStore.Ingest ingest = store.load(data);
            System.out.printf("Wrote %,d models and %,d links to %s in %.1f s (%,.0f models/s, %s)%n", ingest.models(),
                    ingest.edges(), dir.toAbsolutePath(), ingest.seconds(), ingest.modelsPerSecond(), loading);
        }
        LineageData.Landmarks landmarks = data.landmarks();
        System.out.printf("Biggest family: %s (%,d models)%n", landmarks.biggestRoot(), landmarks.familySize());
        writeLandmarks(dir, models, landmarks);
    }

    private static void writeLandmarks(Path dir, int models, LineageData.Landmarks l) {
        Properties landmarks = new Properties();
        landmarks.setProperty("models", Integer.toString(models));
        landmarks.setProperty("biggestRoot", l.biggestRoot());
        landmarks.setProperty("familySize", Integer.toString(l.familySize()));
        landmarks.setProperty("deepestLeaf", l.deepestLeaf());
        landmarks.setProperty("pathFrom", l.pathFrom());
        landmarks.setProperty("pathTo", l.pathTo());
        try (Writer out = Files.newBufferedWriter(dir.resolve("landmarks.properties"))) {
            landmarks.store(out, "models the HTTP load test asks about");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
