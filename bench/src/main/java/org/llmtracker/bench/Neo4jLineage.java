package org.llmtracker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.lineage.FamilyQueries;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.lineage.Relative;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.hub.LineageWriter;
import org.llmtracker.graph.lineage.TreeNode;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.store.EmbeddedNeo4j;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's own stack: embedded Neo4j in this JVM, queried in-process as the application does in
 * embedded mode, loaded by one of the graph module's writers and asked through its
 * {@link LineageQueries}, exactly as the application uses them.
 */
public final class Neo4jLineage implements LineageStore {

    private static final Logger log = LoggerFactory.getLogger(Neo4jLineage.class);
    private static final int CHUNK = 50_000;

    /** Models per page of the bulk path: the Hub's listing serves at most 1,000 a page. */
    public static final int PAGE = 1_000;

    /** How the store is loaded. */
    public enum Loading {
        /** The batch writer ({@link LineageWriter}): all models, then all links, in batches. */
        WRITER,
        /** The bulk path ({@link HubListingStore}): pages of {@link #PAGE} models with their parent links, parents first. */
        LISTING_PAGES,
        /**
         * A first fill: the same pages with the ancestry index deferred ({@link Ancestry#defer}), then
         * the index and its counts built in bulk ({@link Ancestry#build}), timed together.
         */
        FIRST_FILL
    }

    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

    private final Path dir;
    private final EmbeddedNeo4j neo4j;
    private final Graph graph;
    private final Loading loading;
    private final LineageQueries queries;
    private final FamilyQueries families;

    private final boolean keep;

    /** A throw-away store in the temp folder, deleted on close. */
    public Neo4jLineage(long pageCacheMegabytes, Loading loading) {
        this(temporaryFolder(), pageCacheMegabytes, loading, false);
    }

    /** A store in {@code dir}; with {@code keep}, left there on close for the application to open. */
    Neo4jLineage(Path dir, long pageCacheMegabytes, Loading loading, boolean keep) {
        this.dir = dir;
        this.keep = keep;
        this.loading = loading;
        neo4j = EmbeddedNeo4j.start(dir, 0, pageCacheMegabytes);
        graph = Graph.inProcess(neo4j, null);
        Schema.apply(graph);
        Ancestry.ensure(graph);
        queries = new LineageQueries(graph);
        families = new FamilyQueries(graph);
    }

    /** The store itself, for benchmarks of reads beyond the lineage questions (licences, the digest). */
    Graph graph() {
        return graph;
    }

    @Override
    public String name() {
        return switch (loading) {
            case WRITER -> "Neo4j (writer)";
            case LISTING_PAGES -> "Neo4j (pages)";
            case FIRST_FILL -> "Neo4j";
        };
    }

    @Override
    public Ingest load(LineageData data) {
        return loading == Loading.WRITER ? loadThroughTheWriter(data) : loadInPages(data);
    }

    private Ingest loadInPages(LineageData data) {
        HubListingStore pages = new HubListingStore(graph);
        long started = System.nanoTime();
        if (loading == Loading.FIRST_FILL) {
            Ancestry.defer(graph);
        }
        int edge = 0;
        for (int from = 0; from < data.models(); from += PAGE) {
            int to = Math.min(from + PAGE, data.models());
            List<HubModel> models = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                models.add(model(data, i));
            }
            // Links are generated in the order of their children, so a page's links are a run.
            List<Derivation> links = new ArrayList<>();
            for (; edge < data.edges() && data.edgeChild()[edge] < to; edge++) {
                links.add(derivation(data, edge));
            }
            pages.store(new HubListingPage(models, links), NOW);
        }
        if (loading == Loading.FIRST_FILL) {
            long built = System.nanoTime();
            log.info("Neo4j first fill: pages in {} s; building the ancestry index", String.format("%.1f",
                    (built - started) / 1e9));
            Ancestry.build(graph);
            log.info("Neo4j first fill: index and counts in {} s", String.format("%.1f", (System.nanoTime() - built) / 1e9));
        }
        return new Ingest(data.models(), data.edges(), (System.nanoTime() - started) / 1e9);
    }

    private static HubModel model(LineageData data, int i) {
        return new HubModel(data.ids()[i], data.organisations()[i], data.downloads()[i], null, null, null, null, null,
                null, null, null);
    }

    private static Derivation derivation(LineageData data, int e) {
        return new Derivation(data.ids()[data.edgeChild()[e]], data.ids()[data.edgeParent()[e]], data.edgeRelation()[e],
                data.edgeStages().get(e), "hf-card");
    }

    private Ingest loadThroughTheWriter(LineageData data) {
        LineageWriter writer = new LineageWriter(graph);
        long started = System.nanoTime();
        write(writer, data);
        return new Ingest(data.models(), data.edges(), (System.nanoTime() - started) / 1e9);
    }

    private static void write(LineageWriter writer, LineageData data) {
        long started = System.nanoTime();
        for (int from = 0; from < data.models(); from += CHUNK) {
            List<HubModel> models = new ArrayList<>(CHUNK);
            for (int i = from; i < Math.min(from + CHUNK, data.models()); i++) {
                models.add(model(data, i));
            }
            writer.upsertModels(models, NOW);
        }
        long modelsDone = System.nanoTime();
        for (int from = 0; from < data.edges(); from += CHUNK) {
            List<Derivation> derivations = new ArrayList<>(CHUNK);
            for (int e = from; e < Math.min(from + CHUNK, data.edges()); e++) {
                derivations.add(derivation(data, e));
            }
            writer.upsertDerivations(derivations, NOW);
        }
        log.info("Neo4j: models in {} s, edges in {} s", String.format("%.1f", (modelsDone - started) / 1e9),
                String.format("%.1f", (System.nanoTime() - modelsDone) / 1e9));
    }

    @Override
    public Answer descendantCount(String root) {
        return Answer.of(queries.descendants(root, RelativeFilter.depth(MAX_DEPTH), 0, 1).total());
    }

    @Override
    public Answer descendantsByRelation(String root, Relation relation, int limit) {
        var page = queries.descendants(root, new RelativeFilter(relation, null, MAX_DEPTH, null), 0, limit);
        return new Answer(page.total(), page.items().stream().map(Relative::id).toList());
    }

    @Override
    public Answer descendantsByStage(String root, Stage stage, int limit) {
        var page = queries.descendants(root, new RelativeFilter(null, stage, MAX_DEPTH, null), 0, limit);
        return new Answer(page.total(), page.items().stream().map(Relative::id).toList());
    }

    @Override
    public Answer families(int limit) {
        var page = families.families(null, 0, limit);
        return new Answer(page.total(), page.items().stream().map(f -> f.id() + '|' + f.descendants() + '|' + f.deepest()
                + '|' + new TreeMap<>(f.byRelation()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(","))).toList());
    }

    @Override
    public Answer topDescendants(String root, int limit) {
        var page = queries.descendants(root, RelativeFilter.depth(MAX_DEPTH), 0, limit);
        return new Answer(page.total(), page.items().stream().map(Relative::id).toList());
    }

    @Override
    public Answer ancestors(String id) {
        var page = queries.ancestors(id, RelativeFilter.depth(MAX_DEPTH), 0, 1_000);
        return new Answer(page.total(), page.items().stream().map(Relative::id).toList());
    }

    @Override
    public Answer pathLength(String from, String to) {
        return Answer.of(queries.path(from, to).map(p -> (long) p.length()).orElse(-1L));
    }

    @Override
    public Answer tree(String root, int depth, int maxNodes) {
        var tree = queries.tree(root, depth, maxNodes).orElseThrow();
        List<String> ids = new ArrayList<>();
        collect(tree.root().children(), ids);
        ids.sort(Comparator.naturalOrder());
        return new Answer(ids.size(), ids);
    }

    private static void collect(List<TreeNode> nodes, List<String> ids) {
        for (TreeNode node : nodes) {
            ids.add(node.id() + '|' + node.name() + '|' + (node.downloads() == null ? "" : node.downloads()) + '|'
                    + node.relation() + '|' + node.childCount());
            collect(node.children(), ids);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("llm-tracker-bench-neo4j");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        neo4j.close();
        if (keep) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
