package org.llmtracker.api.catalog;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.llmtracker.api.web.BadParameterException;
import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.crawler.catalog.CatalogException;
import org.llmtracker.crawler.catalog.CatalogProblem;
import org.llmtracker.crawler.catalog.CatalogValidator;
import org.llmtracker.crawler.catalog.CatalogYaml;
import org.llmtracker.crawler.catalog.CatalogFormats;
import org.llmtracker.crawler.tables.ImportResult;
import org.llmtracker.crawler.tables.TableImportException;
import org.llmtracker.api.web.JsonBodies;
import tools.jackson.databind.JsonNode;
import org.llmtracker.crawler.tables.TableImporter;
import org.llmtracker.crawler.catalog.RawEntry;
import org.llmtracker.crawler.catalog.Validation;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.ancestry.LineageCycleException;
import org.llmtracker.graph.model.ModelQueries;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The catalogue as data: read an entry, add or replace one (admin), reload the file (admin). */
@RestController
class CatalogController {

    private final CatalogWriter writer;
    private final CatalogValidator validator;
    private final ModelQueries models;
    private final CatalogStartup startup;
    private final TableImporter importer;
    private final Clock clock;
    private final JsonBodies bodies;

    CatalogController(CatalogWriter writer, CatalogValidator validator, ModelQueries models,
            CatalogStartup startup, TableImporter importer, Clock clock, JsonBodies bodies) {
        this.bodies = bodies;
        this.importer = importer;
        this.writer = writer;
        this.validator = validator;
        this.models = models;
        this.startup = startup;
        this.clock = clock;
    }

    @GetMapping({"/api/catalog/{id}", "/api/catalog/{owner}/{name}"})
    CatalogEntry get(@PathVariable(required = false) String id, @PathVariable(required = false) String owner,
            @PathVariable(required = false) String name) {
        String key = owner != null ? owner + "/" + name : id;
        return writer.find(key).orElseThrow(() -> new NotFoundException("No catalogue entry with id '" + key + "'"));
    }

    @Operation(summary = "Add or replace one catalogue entry (admin)",
            description = "Base models must exist and must not make a lineage cycle. The edit survives restarts until the catalogue file's own entry changes.")
    @PutMapping(path = {"/api/catalog/{id}", "/api/catalog/{owner}/{name}"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CatalogEntry> put(@PathVariable(required = false) String id,
            @PathVariable(required = false) String owner, @PathVariable(required = false) String name,
            @RequestBody JsonNode json) {
        String key = owner != null ? owner + "/" + name : id;
        RawEntry body = bodies.read(json, RawEntry.class);
        if (body.id() != null && !body.id().equalsIgnoreCase(key)) {
            throw new BadParameterException("id", "the body's id '" + cut(body.id()) + "' differs from the path's '" + cut(key) + "'");
        }
        RawEntry entry = new RawEntry(key, body.name(), body.kind(), body.organisation(), body.region(), body.parameters(),
                body.openSource(), body.releasedAt(), body.license(), body.description(), body.githubRepositories(),
                body.huggingfaceIds(), body.baseModels(), body.links(), body.newVersionOf());
        Set<String> knownBases = new HashSet<>();
        body.baseModels().forEach(b -> {
            // An id too long to be one is refused by the validation; it is never looked up.
            if (b != null && b.id() != null && !b.id().isBlank() && b.id().length() <= CatalogFormats.MAX_ID) {
                models.resolve(b.id()).ifPresent(knownBases::add);
            }
        });
        if (body.newVersionOf() != null && !body.newVersionOf().isBlank()) {
            models.resolve(body.newVersionOf()).ifPresent(knownBases::add);
        }
        Validation<CatalogEntry> validation = validator.validateEntry(entry, knownBases);
        if (!validation.isValid()) {
            throw new CatalogException("PUT /api/catalog/" + cut(key), validation.problems());
        }
        boolean existed = models.resolve(key).isPresent();
        try {
            writer.put(validation.value(), clock.instant());
        } catch (LineageCycleException e) {
            throw new CatalogException("PUT /api/catalog/" + key, List.of(cycle(validation.value(), e)));
        }
        CatalogEntry stored = writer.find(key).orElseThrow();
        return existed ? ResponseEntity.ok(stored) : ResponseEntity.status(201).body(stored);
    }

    @Operation(summary = "Reload the catalogue file now (admin)", description = "An invalid file changes nothing and answers 400 with every problem.")
    @PostMapping("/api/catalog/reload")
    CatalogWriter.LoadSummary reload() {
        return startup.reload();
    }

    @Operation(summary = "Convert Markdown or HTML tables shaped like the seed into catalogue YAML (admin)",
            description = "Nothing is written to the graph: review the YAML, then add it to the catalogue file. Warnings come back as YAML comments.")
    @PostMapping(path = "/api/catalog/import", consumes = {"text/markdown", "text/html", "text/plain"}, produces = "application/yaml")
    String importTables(@RequestBody String document, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        boolean html = MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.TEXT_HTML);
        ImportResult result;
        try {
            result = html ? importer.importHtml(document) : importer.importMarkdown(document);
        } catch (TableImportException e) {
            throw new BadParameterException("body", e.getMessage());
        }
        if (result.entries().isEmpty()) {
            throw new BadParameterException("body", "the document has no table with the seed's headers (名称, 组织, 参数量, ...)");
        }
        String header = result.warnings().stream().map(w -> "warning: " + w).collect(java.util.stream.Collectors.joining("\n"));
        return CatalogYaml.write(result.entries(), header.isEmpty() ? "Imported tables" : "Imported tables\n" + header);
    }

    private static String cut(String id) {
        return id.length() <= CatalogFormats.MAX_ID ? id : id.substring(0, 40) + "…";
    }

    private static CatalogProblem cycle(CatalogEntry entry, LineageCycleException e) {
        for (int i = 0; i < entry.baseModels().size(); i++) {
            if (entry.baseModels().get(i).id().equalsIgnoreCase(e.parent())) {
                return new CatalogProblem(entry.id(), "baseModels[" + i + "].id", e.getMessage());
            }
        }
        return new CatalogProblem(entry.id(), "baseModels", e.getMessage());
    }
}
