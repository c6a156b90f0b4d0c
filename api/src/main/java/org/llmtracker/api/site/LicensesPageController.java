package org.llmtracker.api.site;

import org.llmtracker.api.web.Params;
import org.llmtracker.graph.license.LicenseConflict;
import org.llmtracker.graph.license.LicenseQueries;
import org.llmtracker.graph.model.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Licences page: verdict counts and the (ancestor licence, licence) pairs, each linking to its conflicts. */
@Controller
class LicensesPageController {

    private static final int PAGE_SIZE = 50;

    private final LicenseQueries licenses;

    LicensesPageController(LicenseQueries licenses) {
        this.licenses = licenses;
    }

    @GetMapping("/licenses")
    String licenses(Model model) {
        model.addAttribute("title", "Licences");
        model.addAttribute("summary", licenses.summary());
        return "licenses";
    }

    @GetMapping("/licenses/conflicts")
    String conflicts(@RequestParam(required = false) String license, @RequestParam(required = false) String ancestorLicense,
            @RequestParam(required = false) String family, @RequestParam(defaultValue = "0") int page, Model model) {
        int pageNumber = Params.page(page);
        LicenseQueries.Filter filter = new LicenseQueries.Filter(blank(license), blank(ancestorLicense),
                blank(family) == null ? null : org.llmtracker.graph.naming.Ids.model(family));
        Page<LicenseConflict> found = licenses.conflicts(filter, Params.offset(pageNumber, PAGE_SIZE), PAGE_SIZE);
        model.addAttribute("title", "Licence conflicts");
        model.addAttribute("filter", filter);
        model.addAttribute("conflicts", found);
        model.addAttribute("page", pageNumber);
        model.addAttribute("hasNext", (long) (pageNumber + 1) * PAGE_SIZE < found.total());
        return "license-conflicts";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
