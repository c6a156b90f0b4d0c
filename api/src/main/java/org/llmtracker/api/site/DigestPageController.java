package org.llmtracker.api.site;

import org.llmtracker.api.digest.DigestOutline;
import org.llmtracker.api.digest.DigestService;
import org.llmtracker.api.digest.HtmlDigest;
import org.llmtracker.api.web.BadParameterException;
import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.graph.digest.IsoWeek;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The weekly digests as pages, rendered by the digest's own HTML renderer, with the Atom feed linked. */
@Controller
class DigestPageController {

    private static final int WEEKS = 520;

    private final DigestService digests;

    private final org.springframework.context.MessageSource messages;

    DigestPageController(DigestService digests, org.springframework.context.MessageSource messages) {
        this.digests = digests;
        this.messages = messages;
    }

    @GetMapping("/digests")
    String list(Model model, java.util.Locale locale) {
        model.addAttribute("title", messages.getMessage("digests.title", null, locale));
        model.addAttribute("weeks", digests.weeks(WEEKS));
        return "digests";
    }

    @GetMapping("/digests/{week}")
    String week(@PathVariable String week, Model model, java.util.Locale locale) {
        IsoWeek parsed = IsoWeek.parse(week).orElseThrow(() -> new BadParameterException("week",
                "week '" + week + "' is not an ISO week like 2026-W48"));
        DigestService.StoredJson stored = digests.find(parsed)
                .orElseThrow(() -> new NotFoundException("No digest for week " + parsed));
        model.addAttribute("title", messages.getMessage("digest.title", new Object[] {parsed.toString()}, locale));
        model.addAttribute("week", parsed.toString());
        model.addAttribute("digest", stored.digest());
        // The renderer escapes every upstream text and keeps only http(s) links (HtmlDigestTests).
        model.addAttribute("body", HtmlDigest.body(DigestOutline.of(stored.digest())));
        return "digest";
    }
}
