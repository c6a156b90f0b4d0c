package org.llmtracker.api.lineage;

import org.llmtracker.api.web.PageResponse;
import org.llmtracker.api.web.Params;
import org.llmtracker.graph.lineage.Family;
import org.llmtracker.graph.lineage.FamilyQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The biggest model families: page one of "what derives from what" across the whole graph. */
@RestController
class FamilyController {

    private final FamilyQueries families;

    FamilyController(FamilyQueries families) {
        this.families = families;
    }

    @Operation(summary = "Models that derive from nothing and head a family, biggest first",
            description = "Each with its number of descendants, the deepest generation below it and its descendants "
                    + "by relation. q keeps heads whose id or name contains it, in any case.")
    @GetMapping("/api/families")
    PageResponse<Family> families(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Params.DEFAULT_PAGE_SIZE) int size) {
        int pageNumber = Params.page(page);
        int pageSize = Params.size(size);
        return PageResponse.of(families.families(q, Params.offset(pageNumber, pageSize), pageSize), pageNumber,
                pageSize);
    }
}
