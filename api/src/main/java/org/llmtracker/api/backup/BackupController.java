package org.llmtracker.api.backup;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.llmtracker.api.web.BadParameterException;
import org.llmtracker.graph.export.GraphExport;
import org.llmtracker.graph.export.GraphHash;
import org.llmtracker.graph.export.GraphImport;
import org.llmtracker.graph.store.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The whole graph out and back in (admin), as JSON Lines (see {@link GraphExport}). Both answer
 * the content hash, so a restore can be proven to hold what was exported.
 */
@RestController
class BackupController {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    private static final Logger log = LoggerFactory.getLogger(BackupController.class);

    private final Graph graph;
    private final Clock clock;

    BackupController(Graph graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    @Operation(summary = "Export the whole graph as JSON Lines (admin)",
            description = "A format line, every node, every relationship (the ancestry index is left out: it is rebuilt), "
                    + "and an end line with the counts and the content hash. Streamed from one read transaction.")
    @GetMapping(path = "/api/export", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export() {
        String file = "llm-tracker-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ".jsonl";
        StreamingResponseBody body = out -> {
            GraphHash hash = GraphExport.write(graph, out);
            log.info("Export: {} nodes, {} relationships, sha256 {}", hash.nodes(), hash.relationships(), hash.sha256());
        };
        return ResponseEntity.ok().contentType(JSON_LINES)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"").body(body);
    }

    @Operation(summary = "Restore an export into an empty store (admin)",
            description = "Refused (409) unless the store is empty: start the app on a fresh store with "
                    + "tracker.catalog.load-at-start=false and tracker.schedule.enabled=false. Answers the counts and the "
                    + "content hash, equal to the export's end line.")
    @PostMapping(path = "/api/import", consumes = {"application/x-ndjson", "application/jsonl", "application/json"})
    GraphHash restore(InputStream body) throws IOException {
        try {
            return GraphImport.read(graph, body);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("body", e.getMessage());
        }
    }
}
