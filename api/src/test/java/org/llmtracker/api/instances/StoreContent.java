package org.llmtracker.api.instances;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmtracker.graph.export.ContentHash;
import org.llmtracker.graph.export.GraphHash;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The export's content hash over what a sweep stores (models, organisations, links and their
 * values), leaving out what differs between any two runs by design: the run records and their
 * bookkeeping ({@link #RUN_LABELS}), and the instants the writers stamp from the instance's own
 * clock ({@link #CLOCK_STAMPS}). Computed like the export's own hash ({@link ContentHash}), from
 * the lines of {@code GET /api/export}, so two stores with the same hash hold the same content.
 */
record StoreContent(GraphHash hash, List<String> lines) {

    /** Records of runs and of their progress: their ids, times, counts and instances differ between any two runs. */
    static final Set<String> RUN_LABELS = Set.of("CrawlRun", "SweepState", "IndexState", "Digest");

    /** Properties the writers set to "now" (ModelUpserts, ListingStatements, CardVersions): the instance's clock. */
    static final Set<String> CLOCK_STAMPS = Set.of("updatedAt", "firstSeenAt", "observedAt", "hfCheckedAt", "hfListedAt",
            "hfChildrenListedAt");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static StoreContent of(String export) {
        ContentHash hash = new ContentHash();
        Map<String, byte[]> nodes = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (String text : export.split("\n")) {
            if (text.isBlank()) {
                continue;
            }
            JsonNode line = JSON.readTree(text);
            if (line.has("node")) {
                List<String> labels = new ArrayList<>();
                line.path("labels").forEach(l -> labels.add(l.asString()));
                if (labels.stream().anyMatch(RUN_LABELS::contains)) {
                    continue;
                }
                ObjectNode properties = withoutClockStamps(line.path("properties"));
                hash.addNode(labels, properties);
                nodes.put(line.path("node").asString(), ContentHash.nodeHash(labels, properties));
                lines.add(labels.stream().sorted().toList() + " " + properties);
            } else if (line.has("rel")) {
                byte[] from = nodes.get(line.path("from").asString());
                byte[] to = nodes.get(line.path("to").asString());
                if (from == null || to == null) {
                    continue;
                }
                ObjectNode properties = withoutClockStamps(line.path("properties"));
                hash.addRelationship(line.path("rel").asString(), from, to, properties);
                lines.add(line.path("rel").asString() + " " + java.util.HexFormat.of().formatHex(from).substring(0, 12) + " -> "
                        + java.util.HexFormat.of().formatHex(to).substring(0, 12) + " " + properties);
            }
        }
        lines.sort(null);
        return new StoreContent(hash.result(), lines);
    }

    /** How many runs of {@code job} each instance ({@code pid@host}) recorded, from an export. */
    static Map<String, Long> runsByInstance(String export, String job) {
        Map<String, Long> runs = new java.util.TreeMap<>();
        for (String text : export.split("\n")) {
            if (text.contains("\"CrawlRun\"")) {
                JsonNode properties = JSON.readTree(text).path("properties");
                if (job.equals(properties.path("job").asString())) {
                    runs.merge(properties.path("instance").asString(), 1L, Long::sum);
                }
            }
        }
        return runs;
    }

    /** Writes the content's lines, sorted, for a diff when two stores differ. */
    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode withoutClockStamps(JsonNode properties) {
        ObjectNode copy = ((ObjectNode) properties).deepCopy();
        CLOCK_STAMPS.forEach(copy::remove);
        return copy;
    }
}
