package org.llmtracker.api.models;

import java.util.List;

import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.api.web.PageResponse;
import org.llmtracker.api.web.Params;
import org.llmtracker.graph.model.ModelFilter;
import org.llmtracker.graph.model.ModelQueries;
import org.llmtracker.graph.model.ModelSummary;
import org.llmtracker.graph.model.OrganisationSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrganisationController {

    private final ModelQueries models;

    OrganisationController(ModelQueries models) {
        this.models = models;
    }

    @GetMapping("/api/organisations")
    List<OrganisationSummary> organisations() {
        return models.organisations();
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
