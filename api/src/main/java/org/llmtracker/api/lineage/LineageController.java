package org.llmtracker.api.lineage;

import org.llmtracker.api.models.ModelIds;
import org.llmtracker.api.web.BadParameterException;
import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.api.web.PageResponse;
import org.llmtracker.api.web.Params;
import org.llmtracker.graph.license.LicenseChange;
import org.llmtracker.graph.license.LicenseQueries;
import org.llmtracker.graph.lineage.LineageGraph;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.llmtracker.graph.lineage.Relative;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.lineage.LineagePath;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Lineage questions: who derives from a model, what it derives from, its tree, and paths between models. */
@RestController
class LineageController {

    private final LineageQueries lineage;
    private final ModelIds ids;
    private final LicenseQueries licenses;

    LineageController(LineageQueries lineage, ModelIds ids, LicenseQueries licenses) {
        this.lineage = lineage;
        this.ids = ids;
        this.licenses = licenses;
    }

    @Operation(summary = "Models derived from this one, directly or through others",
            description = "Sorted by downloads, then name. relation and stage filter on how each model was made from its parent. "
                    + "generations=true also lists the model's later versions (relation NEW_VERSION_OF) and what derives from "
                    + "them; each item's generation names the version it belongs to. format=csv gives the same page as CSV.")
    @GetMapping({"/api/models/{id}/descendants", "/api/models/{owner}/{name}/descendants"})
    PageResponse<Relative> descendants(@PathVariable(required = false) String id,
            @PathVariable(required = false) String owner, @PathVariable(required = false) String name,
            @RequestParam(required = false) String relation, @RequestParam(required = false) String stage,
            @RequestParam(defaultValue = "10") int maxDepth, @RequestParam(required = false) Long minDownloads,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Params.DEFAULT_PAGE_SIZE) int size,
            @RequestParam(required = false) Integer limit,
            @RequestParam(defaultValue = "false") boolean generations,
            @RequestParam(defaultValue = "all") String evidence) {
        RelativeFilter filter = filter(relation, stage, maxDepth, minDownloads).declared(declaredOnly(evidence));
        int pageNumber = Params.page(page);
        int pageSize = Params.size(limit != null ? limit : size);
        String model = ids.resolve(id, owner, name);
        return PageResponse.of(lineage.descendants(model, filter, Params.offset(pageNumber, pageSize), pageSize,
                generations), pageNumber, pageSize);
    }

    @GetMapping(path = {"/api/models/{id}/descendants", "/api/models/{owner}/{name}/descendants"}, params = "format=csv")
    ResponseEntity<String> descendantsCsv(@PathVariable(required = false) String id,
            @PathVariable(required = false) String owner, @PathVariable(required = false) String name,
            @RequestParam(required = false) String relation, @RequestParam(required = false) String stage,
            @RequestParam(defaultValue = "10") int maxDepth, @RequestParam(required = false) Long minDownloads,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Params.DEFAULT_PAGE_SIZE) int size,
            @RequestParam(required = false) Integer limit,
            @RequestParam(defaultValue = "false") boolean generations,
            @RequestParam(defaultValue = "all") String evidence) {
        PageResponse<Relative> rows = descendants(id, owner, name, relation, stage, maxDepth, minDownloads, page, size, limit,
                generations, evidence);
        String model = ids.resolve(id, owner, name);
        return ResponseEntity.ok()
                .contentType(DescendantsCsv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(model.replace('/', '_') + "-descendants.csv").build().toString())
                .body(DescendantsCsv.render(rows.items()));
    }

    @Operation(summary = "Models this one derives from, nearest first")
    @GetMapping({"/api/models/{id}/ancestors", "/api/models/{owner}/{name}/ancestors"})
    PageResponse<Relative> ancestors(@PathVariable(required = false) String id,
            @PathVariable(required = false) String owner, @PathVariable(required = false) String name,
            @RequestParam(required = false) String relation, @RequestParam(required = false) String stage,
            @RequestParam(defaultValue = "" + Params.MAX_DEPTH) int maxDepth,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Params.DEFAULT_PAGE_SIZE) int size,
            @RequestParam(defaultValue = "all") String evidence) {
        RelativeFilter filter = filter(relation, stage, maxDepth, null).declared(declaredOnly(evidence));
        int pageNumber = Params.page(page);
        int pageSize = Params.size(size);
        String model = ids.resolve(id, owner, name);
        return PageResponse.of(lineage.ancestors(model, filter, Params.offset(pageNumber, pageSize), pageSize),
                pageNumber, pageSize);
    }

    @Operation(summary = "The derivation tree below a model, nested for a UI",
            description = "Each model appears once; 'truncated' says the node limit cut the tree. generations=true hangs "
                    + "each later version (relation NEW_VERSION_OF) below the version it succeeds, with its own tree.")
    @GetMapping({"/api/models/{id}/tree", "/api/models/{owner}/{name}/tree"})
    LineageQueries.Tree tree(@PathVariable(required = false) String id,
            @PathVariable(required = false) String owner, @PathVariable(required = false) String name,
            @RequestParam(defaultValue = "3") int depth,
            @RequestParam(defaultValue = "500") int maxNodes,
            @RequestParam(defaultValue = "false") boolean generations,
            @RequestParam(defaultValue = "all") String evidence) {
        int treeDepth = Params.within("depth", depth, 0, Params.MAX_TREE_DEPTH);
        int nodes = Params.within("maxNodes", maxNodes, 1, Params.MAX_TREE_NODES);
        boolean declared = declaredOnly(evidence);
        String model = ids.resolve(id, owner, name);
        return lineage.tree(model, treeDepth, nodes, generations, declared).orElseThrow(() -> NotFoundException.model(model));
    }

    @Operation(summary = "The lineage around a model, ready to draw",
            description = "Its ancestors up to the roots, its most downloaded descendants down to depth with the models "
                    + "joining them to it, every link among them and the other parents of merges; at most maxNodes models. "
                    + "shown of descendants says how much of the family is drawn.")
    @GetMapping({"/api/models/{id}/graph", "/api/models/{owner}/{name}/graph"})
    GraphWithLicences graph(@PathVariable(required = false) String id,
            @PathVariable(required = false) String owner, @PathVariable(required = false) String name,
            @RequestParam(defaultValue = "2") int depth,
            @RequestParam(defaultValue = "300") int maxNodes) {
        int generations = Params.within("depth", depth, 1, Params.MAX_TREE_DEPTH);
        int nodes = Params.within("maxNodes", maxNodes, 1, Params.MAX_TREE_NODES);
        String model = ids.resolve(id, owner, name);
        LineageGraph graph = lineage.graph(model, generations, nodes).orElseThrow(() -> NotFoundException.model(model));
        return new GraphWithLicences(graph, licenses.changes(graph.links().stream()
                .map(l -> java.util.List.of(l.child(), l.parent())).toList()));
    }

    /** The graph, and the links along which the licence changes (both ends' licences known and different). */
    record GraphWithLicences(@JsonUnwrapped LineageGraph graph, java.util.List<LicenseChange> licenseChanges) {
    }

    @Operation(summary = "The shortest lineage path between two models, following links either way",
            description = "Through their nearest common ancestor, or straight up when one derives from the other. "
                    + "evidence=declared leaves inferred links out.")
    @GetMapping("/api/lineage/path")
    LineagePath path(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "all") String evidence) {
        boolean declared = declaredOnly(evidence);
        String a = ids.resolve(Params.required("from", from), null, null);
        String b = ids.resolve(Params.required("to", to), null, null);
        return lineage.path(a, b, declared).orElseThrow(() -> new NotFoundException(
                "No lineage path of at most " + LineageQueries.MAX_PATH_LENGTH + " links joins '" + a + "' and '" + b + "'"));
    }

    /** {@code evidence=declared} follows declared links only; {@code all} (the default) inferred ones too. */
    private static boolean declaredOnly(String evidence) {
        return switch (evidence) {
            case "all" -> false;
            case "declared" -> true;
            default -> throw new BadParameterException("evidence", "evidence must be declared or all, got '" + evidence + "'");
        };
    }

    private static RelativeFilter filter(String relation, String stage, int maxDepth, Long minDownloads) {
        return new RelativeFilter(
                Params.oneOf("relation", relation, Relation.class),
                Params.oneOf("stage", stage, Stage.class),
                Params.within("maxDepth", maxDepth, 1, Params.MAX_DEPTH),
                minDownloads == null ? null : Params.atLeast("minDownloads", minDownloads, 0));
    }
}
