package org.llmtracker.api.site;

import java.util.LinkedHashMap;
import java.util.Map;

import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.api.web.Params;
import org.llmtracker.graph.license.LicenseQueries;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.lineage.Relative;
import org.llmtracker.graph.lineage.RelativeFilter;
import org.llmtracker.graph.model.ModelDetail;
import org.llmtracker.graph.model.ModelQueries;
import org.llmtracker.graph.model.Page;
import org.llmtracker.graph.model.Relation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A model's page: facts, Hub figures, repositories, lineage (ancestors, children by relation,
 * the graph, the descendants table), charts and conflicts. Ids keep their slash
 * ({@code /models/huggyllama/llama-7b}); an alias or another spelling redirects to the
 * canonical id, query string kept.
 */
@Controller
class ModelPageController {

    static final int DEFAULT_GRAPH_DEPTH = 2;
    static final int DEFAULT_GRAPH_NODES = 300;
    static final int CHILDREN_NAMED = 5;

    private final ModelQueries models;
    private final LineageQueries lineage;
    private final BusyModelParts busyParts;
    private final LicenseQueries licenses;

    ModelPageController(ModelQueries models, LineageQueries lineage, BusyModelParts busyParts, LicenseQueries licenses) {
        this.models = models;
        this.lineage = lineage;
        this.busyParts = busyParts;
        this.licenses = licenses;
    }

    @GetMapping("/models/{*path}")
    ModelAndView model(@PathVariable String path,
            @RequestParam(required = false) String relation, @RequestParam(required = false) String stage,
            @RequestParam(defaultValue = "" + DescendantsTable.DEFAULT_MAX_DEPTH) int maxDepth,
            @RequestParam(required = false) Long minDownloads,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Params.DEFAULT_PAGE_SIZE) int size,
            @RequestParam(defaultValue = "" + DEFAULT_GRAPH_DEPTH) int graphDepth,
            @RequestParam(defaultValue = "" + DEFAULT_GRAPH_NODES) int graphNodes,
            HttpServletRequest request, Model model) {
        String asked = path.startsWith("/") ? path.substring(1) : path;
        if (asked.isBlank()) {
            throw new NotFoundException("No model id in the path");
        }
        String id = models.resolve(asked).orElseThrow(() -> NotFoundException.model(asked));
        if (!id.equals(asked)) {
            String query = request.getQueryString();
            RedirectView canonical = new RedirectView(new SiteLinks().model(id) + (query == null ? "" : "?" + query));
            canonical.setExpandUriTemplateVariables(false);
            canonical.setExposeModelAttributes(false);
            return new ModelAndView(canonical);
        }
        ModelDetail detail = models.detailWithoutChildCounts(id).orElseThrow(() -> NotFoundException.model(id));
        model.addAttribute("title", detail.name() == null ? id : detail.name());
        model.addAttribute("m", detail);
        model.addAttribute("licence", licenses.check(id, true).orElse(null));
        model.addAttribute("ancestors", lineage.ancestors(id, RelativeFilter.depth(Params.MAX_DEPTH), 0, Params.MAX_PAGE_SIZE));
        BusyModelParts.Parts parts = busyParts.of(id);
        model.addAttribute("children", children(parts.children()));
        model.addAttribute("table", DescendantsTable.read(lineage, id, parts.firstView(), relation, stage, maxDepth,
                minDownloads, page, size));
        int depth = Params.within("graphDepth", graphDepth, 1, Params.MAX_TREE_DEPTH);
        int nodes = Params.within("graphNodes", graphNodes, 1, Params.MAX_TREE_NODES);
        model.addAttribute("graphDepth", depth);
        model.addAttribute("graphNodes", nodes);
        model.addAttribute("graphUrl", new SiteLinks().modelApi(id, "/graph?depth=" + depth + "&maxNodes=" + nodes));
        model.addAttribute("conflicts", parts.conflicts());
        return new ModelAndView("model", model.asMap());
    }

    /** Direct children by relation, the most downloaded named, like the Hub's model tree. */
    private static Map<String, Page<Relative>> children(Map<String, Page<Relative>> byRelation) {
        Map<String, Page<Relative>> groups = new LinkedHashMap<>();
        for (Relation relation : Relation.values()) {
            if (byRelation.containsKey(relation.name())) {
                groups.put(relation.name(), byRelation.get(relation.name()));
            }
        }
        return groups;
    }
}
