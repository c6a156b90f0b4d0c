package org.llmtracker.api.models;

import java.util.List;

import org.llmtracker.api.web.ListPages;
import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.api.web.PageResponse;
import org.llmtracker.api.web.Params;
import org.llmtracker.graph.model.ModelFilter;
import org.llmtracker.graph.model.ModelQueries;
import org.llmtracker.graph.model.ModelSummary;
import org.llmtracker.graph.model.OrganisationSummary;
import org.llmtracker.graph.model.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class OrganisationController {

    /**
     * Organisations a page holds unless asked otherwise, and at most: the list was every organisation
     * before it paged, so a page this long keeps a catalogue's list (a few dozen) whole for the scripts
     * that read it, while a Hub-swept store (an organisation per Hub author) answers in pages.
     */
    static final int ORGANISATIONS_PAGE = 1_000;

    private final ModelQueries models;

    OrganisationController(ModelQueries models) {
        this.models = models;
    }

    @Operation(summary = "Organisations by name, with how many models each published",
            description = "A JSON list, as it always was, now a page at a time (page, size; 1,000 by default and "
                    + "at most, so a catalogue's list stays whole): "
                    + "X-Total-Count says how many organisations there are and Link names the next and previous pages.")
    @GetMapping("/api/organisations")
    ResponseEntity<List<OrganisationSummary>> organisations(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ORGANISATIONS_PAGE) int size) {
        int pageNumber = Params.page(page);
        int pageSize = Params.within("size", size, 1, ORGANISATIONS_PAGE);
        Page<OrganisationSummary> found = models.organisations(Params.offset(pageNumber, pageSize), pageSize);
        return ListPages.of(found.items(), found.total(), pageNumber, pageSize);
    }

    @GetMapping("/api/organisations/{key}/models")
    PageResponse<ModelSummary> models(@PathVariable String key,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Params.DEFAULT_PAGE_SIZE) int size) {
        if (!models.organisationExists(key)) {
            throw new NotFoundException("No organisation with key '" + key + "'");
        }
        int pageNumber = Params.page(page);
        int pageSize = Params.size(size);
        ModelFilter filter = new ModelFilter(null, key, null, null, null, null, ModelFilter.Sort.NAME);
        return PageResponse.of(models.list(filter, Params.offset(pageNumber, pageSize), pageSize), pageNumber, pageSize);
    }
}
