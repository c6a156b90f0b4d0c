package org.llmtracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.store.EmbeddedNeo4j;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.Schema;
import org.neo4j.batchimport.api.BatchImporter;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.batchimport.api.input.ReadableGroups;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.impl.index.schema.IndexImporterFactoryImpl;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.internal.NullLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.storageengine.api.StorageEngineFactory;

/**
 * The ceiling on any first fill on this machine: a finished store's whole content (every node and
 * relationship, the ancestry index's rows and the counts included) is read into memory, untimed,
 * then written into a new store by Neo4j's own offline importer (what {@code neo4j-admin database
 * import} runs), and the new store is started and given the application's schema, timed. None of
 * the application's work (reading pages, resolving ids, computing the index) is in the timed part,
 * so no first fill into this store layout can be faster on the same machine. Arguments: the
 * finished store's folder (only read) and a new folder for the copy.
 */
public final class ImportCeiling {

    private ImportCeiling() {
    }

    /** A node (labels set; its id is its position in the node list) or a relationship (type set, ends as such positions). */
    private record Entity(String[] labels, long start, long end, String type, Map<String, Object> properties) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ImportCeiling STORE COPY");
            System.exit(2);
        }
        Path copy = Path.of(args[1]).toAbsolutePath();
        if (Files.exists(copy)) {
            throw new IllegalArgumentException(copy + " exists: the copy goes into a new folder");
        }
        List<Entity> nodes = new ArrayList<>();
        List<Entity> relationships = new ArrayList<>();
        long models;
        try (EmbeddedNeo4j store = EmbeddedNeo4j.start(Path.of(args[0]), 0, 2048)) {
            Graph graph = Graph.inProcess(store, null);
            models = graph.read(tx -> tx.run("MATCH (m:Model) RETURN count(m) AS n").single().get("n").asLong());
            Map<String, Long> position = new HashMap<>();
            graph.read(tx -> {
                tx.run("MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS p").forEachRemaining(r -> {
                    position.put(r.get("id").asString(), (long) nodes.size());
                    nodes.add(new Entity(r.get("labels").asList(Value::asString).toArray(String[]::new), 0, 0, null,
                            properties(r.get("p"))));
                });
                tx.run("MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS t, properties(r) AS p")
                        .forEachRemaining(r -> relationships.add(new Entity(null, position.get(r.get("a").asString()),
                                position.get(r.get("b").asString()), r.get("t").asString(), properties(r.get("p")))));
                return null;
            });
        }
        System.out.printf("Read %,d nodes (%,d models) and %,d relationships from %s%n", nodes.size(), models,
                relationships.size(), args[0]);

        long started = System.nanoTime();
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, copy)
                .set(GraphDatabaseSettings.dense_node_threshold, 10).build();
        try (var fs = new DefaultFileSystemAbstraction(); var scheduler = JobSchedulerFactory.createInitialisedScheduler()) {
            BatchImporter importer = StorageEngineFactory.selectStorageEngine(config).batchImporter(
                    Neo4jLayout.of(config).databaseLayout(GraphDatabaseSettings.DEFAULT_DATABASE_NAME), fs,
                    PageCacheTracer.NULL, org.neo4j.batchimport.api.Configuration.DEFAULT, NullLogService.getInstance(),
                    System.out, false, DefaultAdditionalIds.EMPTY, config, Monitor.NO_MONITOR, scheduler, Collector.STRICT,
                    TransactionLogInitializer.getLogFilesInitializer(), new IndexImporterFactoryImpl(),
                    EmptyMemoryTracker.INSTANCE, CursorContextFactory.NULL_CONTEXT_FACTORY);
            long properties = nodes.stream().mapToLong(n -> n.properties().size()).sum();
            long relationshipProperties = relationships.stream().mapToLong(r -> r.properties().size()).sum();
            importer.doImport(Input.input(iterable(nodes, true), iterable(relationships, false), IdType.ACTUAL,
                    Input.knownEstimates(nodes.size(), relationships.size(), properties, relationshipProperties,
                            properties * 16, relationshipProperties * 8, nodes.size() * 2L),
                    ReadableGroups.EMPTY));
        }
        double imported = (System.nanoTime() - started) / 1e9;
        nodes.clear();
        relationships.clear();

        long opening = System.nanoTime();
        try (EmbeddedNeo4j store = EmbeddedNeo4j.start(copy, 0, 2048)) {
            double opened = (System.nanoTime() - opening) / 1e9;
            long schema = System.nanoTime();
            Schema.apply(Graph.inProcess(store, null));
            double indexed = (System.nanoTime() - schema) / 1e9;
            System.out.printf("Offline import %.1f s, then the store started in %.1f s and its schema was built in %.1f s%n",
                    imported, opened, indexed);
            System.out.printf("Import and schema: %.1f s for %,d models: %,.0f models/s (start included: %,.0f models/s)%n",
                    imported + indexed, models, models / (imported + indexed), models / (imported + opened + indexed));
        }
    }

    /** The importer takes lists as arrays. */
    private static Map<String, Object> properties(Value map) {
        Map<String, Object> properties = new HashMap<>();
        map.asMap(v -> v).forEach((key, value) -> properties.put(key,
                value.hasType(TypeSystem.getDefault().LIST()) ? array(value) : value.asObject()));
        return properties;
    }

    private static Object array(Value list) {
        List<Object> items = list.asList();
        if (items.isEmpty() || items.get(0) instanceof String) {
            return items.toArray(String[]::new);
        }
        if (items.get(0) instanceof Long) {
            return items.stream().mapToLong(x -> (Long) x).toArray();
        }
        if (items.get(0) instanceof Double) {
            return items.stream().mapToDouble(x -> (Double) x).toArray();
        }
        throw new IllegalArgumentException("A list of " + items.get(0).getClass().getSimpleName() + " in the store");
    }

    /** The entities in chunks of 10,000, handed to the importer's threads as they ask. */
    private static InputIterable iterable(List<Entity> entities, boolean nodes) {
        return () -> new InputIterator() {
            private int next;

            @Override
            public InputChunk newChunk() {
                return new Chunk();
            }

            @Override
            public synchronized boolean next(InputChunk chunk) {
                if (next >= entities.size()) {
                    return false;
                }
                Chunk c = (Chunk) chunk;
                c.from = next;
                c.to = Math.min(next + 10_000, entities.size());
                next = c.to;
                return true;
            }

            @Override
            public void close() {
            }

            final class Chunk implements InputChunk {
                private int from;
                private int to;

                @Override
                public boolean next(InputEntityVisitor visitor) throws IOException {
                    if (from >= to) {
                        return false;
                    }
                    int position = from++;
                    Entity e = entities.get(position);
                    if (nodes) {
                        visitor.id(position);
                        visitor.labels(e.labels());
                    } else {
                        visitor.startId(e.start());
                        visitor.endId(e.end());
                        visitor.type(e.type());
                    }
                    e.properties().forEach(visitor::property);
                    visitor.endOfEntity();
                    return true;
                }

                @Override
                public void close() {
                }
            }
        };
    }
}
