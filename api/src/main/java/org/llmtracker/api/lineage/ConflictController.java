package org.llmtracker.api.lineage;

import org.llmtracker.api.web.PageResponse;
import org.llmtracker.api.web.Params;
import org.llmtracker.graph.lineage.Conflict;
import org.llmtracker.graph.lineage.LineageConflicts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Where the catalogue, the Hugging Face Hub and inference disagree about lineage; a crawl never settles it by itself. */
@RestController
class ConflictController {

    private final LineageConflicts conflicts;

    ConflictController(LineageConflicts conflicts) {
        this.conflicts = conflicts;
    }

    @Operation(summary = "Disagreements between the catalogue and the Hub",
            description = "RELATION: both name the parent but not the same relation (the catalogue's stands). "
                    + "HUB_ONLY_PARENT: the Hub names a parent of a catalogued model that the catalogue does not. "
                    + "INFERRED_DIFFERS: a model now declares a parent other than the one inferred for it (the declaration replaced it).")
    @GetMapping("/api/lineage/conflicts")
    PageResponse<Conflict> conflicts(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Params.DEFAULT_PAGE_SIZE) int size) {
        int pageNumber = Params.page(page);
        int pageSize = Params.size(size);
        return PageResponse.of(conflicts.page(Params.offset(pageNumber, pageSize), pageSize), pageNumber, pageSize);
    }
}
