package org.llmtracker.api.licenses;

import java.util.List;

import org.llmtracker.api.web.PageResponse;
import org.llmtracker.api.web.Params;
import org.llmtracker.graph.license.LicenseBook;
import org.llmtracker.graph.license.LicenseConflict;
import org.llmtracker.graph.license.LicenseQueries;
import org.llmtracker.graph.license.LicenseSummary;
import org.llmtracker.graph.license.LicenseTerms;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Licences along the lineage: verdicts are information, not legal advice. */
@RestController
class LicenseController {

    private final LicenseQueries licenses;
    private final LicenseBook book;

    LicenseController(LicenseQueries licenses, LicenseBook book) {
        this.licenses = licenses;
        this.book = book;
    }

    @Operation(summary = "Models whose licence drops the terms of an ancestor's, most downloaded first",
            description = "Declared lineage. license and ancestorLicense take Hub licence ids in any spelling; "
                    + "family keeps the descendants of that model. Information, not legal advice.")
    @GetMapping("/api/licenses/conflicts")
    PageResponse<LicenseConflict> conflicts(@RequestParam(required = false) String license,
            @RequestParam(required = false) String ancestorLicense, @RequestParam(required = false) String family,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Params.DEFAULT_PAGE_SIZE) int size) {
        int pageNumber = Params.page(page);
        int pageSize = Params.size(size);
        LicenseQueries.Filter filter = new LicenseQueries.Filter(blank(license), blank(ancestorLicense),
                blank(family) == null ? null : org.llmtracker.graph.naming.Ids.model(family));
        return PageResponse.of(licenses.conflicts(filter, Params.offset(pageNumber, pageSize), pageSize), pageNumber,
                pageSize);
    }

    @Operation(summary = "Models by licence, judged models by verdict, and the (ancestor licence, licence) pairs",
            description = "As the licences job last counted them (countedAt); a small store is counted on request "
                    + "(countedAt null). counted is false on a large store the job has not counted yet.")
    @GetMapping("/api/licenses")
    Licenses summary() {
        LicenseSummary s = licenses.summary();
        return new Licenses(s.byLicense(), s.byVerdict(), s.pairs(), s.countedAt(), s.counted(), List.copyOf(book.all()),
                "Verdicts are information, not legal advice.");
    }

    record Licenses(java.util.Map<String, Long> byLicense, java.util.Map<String, Long> byVerdict,
            List<LicenseSummary.Pair> pairs, java.time.Instant countedAt, boolean counted, List<LicenseTerms> terms,
            String note) {
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
