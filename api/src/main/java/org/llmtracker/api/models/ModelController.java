package org.llmtracker.api.models;

import java.time.Clock;
import java.time.Duration;

import org.llmtracker.api.web.BadParameterException;
import org.llmtracker.api.web.KeptAnswers;
import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.api.web.PageResponse;
import org.llmtracker.api.web.Params;
import org.llmtracker.api.web.Rereads;
import org.llmtracker.graph.license.LicenseCheck;
import org.llmtracker.graph.license.LicenseQueries;
import org.llmtracker.graph.license.ModelLicense;
import org.llmtracker.graph.model.ModelDetail;
import org.llmtracker.graph.model.ModelFilter;
import org.llmtracker.graph.model.ModelQueries;
import org.llmtracker.graph.model.ModelSummary;
import org.llmtracker.graph.model.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

@RestController
class ModelController {

    /**
     * A capped answer (over 2,000 matches: the first letters typed) is the costliest search, the same
     * for everyone typing the same letters, and approximate already (its total is a lower bound):
     * it is kept, and read again off the request once 30 s old. An exact one is read at every
     * request, so a model just written is found.
     */
    private static final Duration CAPPED_FRESH_FOR = Duration.ofSeconds(30);
    /** About 20 summaries each: a few kilobytes per answer. */
    private static final int CAPPED_KEPT = 5_000;

    private record Search(ModelFilter filter, int offset, int size) {
    }

    private final ModelQueries models;
    private final ModelIds ids;
    private final LicenseQueries licenses;
    private final KeptAnswers<Search, Page<ModelSummary>> capped;

    ModelController(ModelQueries models, ModelIds ids, LicenseQueries licenses, Clock clock, Rereads rereads) {
        this.models = models;
        this.ids = ids;
        this.licenses = licenses;
        this.capped = new KeptAnswers<>(clock, CAPPED_FRESH_FOR, CAPPED_KEPT, Page::totalCapped, rereads::submit);
    }

    @Operation(summary = "Search and list models", description = "Filters combine; sort is name, downloads, likes, released, parameters or relevance "
            + "(ties by name, then id). A search or filtered list with more than 2,000 matches gives total 2000 "
            + "and totalCapped true; such an answer may be 30 s old, under load up to 300 s.")
    @GetMapping("/api/models")
    PageResponse<ModelSummary> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Boolean openSource,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Boolean catalogued,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Params.DEFAULT_PAGE_SIZE) int size) {
        ModelFilter.Sort order = Params.oneOf("sort", sort, ModelFilter.Sort.class);
        ModelFilter filter = new ModelFilter(q, organisation, kind, openSource, region, catalogued, order);
        int pageNumber = Params.page(page);
        int pageSize = Params.size(size);
        Page<ModelSummary> found = capped.get(new Search(filter, Params.offset(pageNumber, pageSize), pageSize),
                s -> models.list(s.filter(), s.offset(), s.size()));
        return PageResponse.of(found, pageNumber, pageSize);
    }

    @Operation(summary = "One model: facts, Hugging Face figures, repositories with their latest release, parents and child counts")
    @GetMapping({"/api/models/{id}", "/api/models/{owner}/{name}"})
    ModelResponse detail(@PathVariable(required = false) String id, @PathVariable(required = false) String owner,
            @PathVariable(required = false) String name, @RequestParam(defaultValue = "declared") String evidence) {
        boolean declaredOnly = switch (evidence) {
            case "declared" -> true;
            case "all" -> false;
            default -> throw new BadParameterException("evidence", "evidence must be declared or all, got '" + evidence + "'");
        };
        String canonical = ids.resolve(id, owner, name);
        ModelDetail detail = models.detail(canonical).orElseThrow(() -> NotFoundException.model(canonical));
        LicenseCheck check = licenses.check(canonical, declaredOnly).map(ModelLicense::check).orElse(null);
        return new ModelResponse(detail, check);
    }

    /**
     * The model, and its licence verdict judged now against its lineage ({@code evidence=all}
     * follows inferred links too): information, not legal advice.
     */
    record ModelResponse(@JsonUnwrapped ModelDetail model, LicenseCheck licenseCheck) {
    }
}
