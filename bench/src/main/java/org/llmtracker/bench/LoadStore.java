package org.llmtracker.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.llmtracker.graph.lineage.Ancestry;
import org.llmtracker.graph.store.EmbeddedNeo4j;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.Schema;

/**
 * Writes a generated Hugging Face-shaped lineage into an embedded store folder the application
 * can then open ({@code --tracker.neo4j.data-dir}), for the HTTP load test, and the models the
 * load asks about into {@code landmarks.properties} beside it.
 *
 * <pre>java -cp bench/target/llm-tracker-bench.jar -Dloader.main=org.llmtracker.bench.LoadStore \
 *   org.springframework.boot.loader.launch.PropertiesLauncher ./data/load 16000 [seed]</pre>
 */
public final class LoadStore {

    private LoadStore() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: LoadStore <store folder> <models> [seed]");
        }
        Path dir = Path.of(args[0]);
        int models = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        if (Files.exists(dir.resolve("neo4j")) || Files.exists(dir.resolve("data"))) {
            throw new IllegalArgumentException(dir + " already holds a store; give an empty folder");
        }
        LineageData data = new LineageGenerator(seed).generate(models);
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir, 0, 256)) {
            Graph graph = Graph.inProcess(neo4j, null);
            Schema.apply(graph);
            Ancestry.ensure(graph);
            Neo4jLineage.write(graph, data);
        }
        Properties landmarks = new Properties();
        LineageData.Landmarks l = data.landmarks();
        landmarks.setProperty("models", Integer.toString(models));
        landmarks.setProperty("biggestRoot", l.biggestRoot());
        landmarks.setProperty("familySize", Integer.toString(l.familySize()));
        landmarks.setProperty("deepestLeaf", l.deepestLeaf());
        landmarks.setProperty("pathFrom", l.pathFrom());
        landmarks.setProperty("pathTo", l.pathTo());
        try (Writer out = Files.newBufferedWriter(dir.resolve("landmarks.properties"))) {
            landmarks.store(out, "models the HTTP load test asks about");
        }
        System.out.println("Wrote " + models + " models (" + data.edges() + " links) to " + dir.toAbsolutePath()
                + "; biggest family " + l.biggestRoot() + " (" + l.familySize() + " models)");
    }
}
