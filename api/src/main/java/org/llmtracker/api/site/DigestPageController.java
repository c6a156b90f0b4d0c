package org.llmtracker.api.site;

import java.util.Locale;

import org.llmtracker.api.digest.DigestListReads;
import org.llmtracker.api.digest.DigestOutline;
import org.llmtracker.api.digest.DigestSection;
import org.llmtracker.api.digest.DigestService;
import org.llmtracker.api.digest.HtmlDigest;
import org.llmtracker.api.i18n.Texts;
import org.llmtracker.api.web.BadParameterException;
import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.api.web.PageResponse;
import org.llmtracker.api.web.Params;
import org.llmtracker.graph.digest.IsoWeek;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The weekly digests as pages, rendered by the digest's own HTML renderer in the reader's
 * language, with the Atom feed linked; and behind every section, its whole list a page at a time.
 */
@Controller
class DigestPageController {

    private static final int WEEKS = 520;

    private final DigestService digests;
    private final DigestListReads lists;
    private final MessageSource messages;

    DigestPageController(DigestService digests, DigestListReads lists, MessageSource messages) {
        this.digests = digests;
        this.lists = lists;
        this.messages = messages;
    }

    @GetMapping("/digests")
    String list(Model model, Locale locale) {
        model.addAttribute("title", messages.getMessage("digests.title", null, locale));
        model.addAttribute("weeks", digests.weeks(WEEKS));
        return "digests";
    }

    @GetMapping("/digests/{week}")
    String week(@PathVariable String week, Model model, Locale locale) {
        IsoWeek parsed = parse(week);
        DigestService.StoredJson stored = digests.find(parsed)
                .orElseThrow(() -> new NotFoundException("No digest for week " + parsed));
        Texts texts = new Texts(messages, locale);
        model.addAttribute("title", texts.get("digest.title", parsed.toString()));
        model.addAttribute("week", parsed.toString());
        model.addAttribute("digest", stored.digest());
        // The renderer escapes every upstream text and keeps only http(s) links and our own paths (HtmlDigestTests).
        model.addAttribute("body", HtmlDigest.bounded(DigestOutline.of(stored.digest(), texts, "")));
        return "digest";
    }

    @GetMapping("/digests/{week}/{section}")
    String section(@PathVariable String week, @PathVariable String section, @RequestParam(required = false) String family,
            @RequestParam(required = false) String relation, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, Model model, Locale locale) {
        IsoWeek parsed = parse(week);
        DigestSection which = DigestListReads.section(section);
        PageResponse<?> rows = lists.page(parsed, which, family, relation, page, size);
        Texts texts = new Texts(messages, locale);
        String weekPage = "/digests/" + parsed;
        String heading = texts.get("digest.section." + which.key());
        if (family != null && !family.isBlank()) {
            heading += " · " + texts.get("digest.list.filtered", family.trim());
        }
        if (relation != null && !relation.isBlank()) {
            heading += " · " + texts.get("digest.list.relation", messages.getMessage("relation." + relation.trim(), null,
                    relation.trim(), locale));
        }
        model.addAttribute("title", texts.get("digest.list.title", parsed.toString(), heading));
        model.addAttribute("heading", heading);
        model.addAttribute("week", parsed.toString());
        model.addAttribute("weekPage", weekPage);
        model.addAttribute("note", texts.get("digest.score", texts.get("digest.score." + which.key())));
        model.addAttribute("rows", rows);
        model.addAttribute("items", rows.items().stream().map(o -> DigestOutline.item(which, o, texts, "", weekPage)).toList());
        long from = rows.items().isEmpty() ? 0 : (long) page * size + 1;
        model.addAttribute("from", from);
        model.addAttribute("to", from == 0 ? 0 : from + rows.items().size() - 1);
        UriComponentsBuilder here = UriComponentsBuilder.fromPath(weekPage + "/" + which.slug())
                .queryParamIfPresent("family", java.util.Optional.ofNullable(family).filter(f -> !f.isBlank()))
                .queryParamIfPresent("relation", java.util.Optional.ofNullable(relation).filter(r -> !r.isBlank()))
                .queryParam("size", size);
        model.addAttribute("previous", page > 0 ? here.cloneBuilder().queryParam("page", page - 1).encode().toUriString() : null);
        model.addAttribute("next", (long) (page + 1) * size < rows.total() && (long) (page + 1) * size <= Params.MAX_OFFSET
                ? here.cloneBuilder().queryParam("page", page + 1).encode().toUriString() : null);
        model.addAttribute("json", UriComponentsBuilder.fromPath("/api" + weekPage + "/" + which.slug())
                .queryParamIfPresent("family", java.util.Optional.ofNullable(family).filter(f -> !f.isBlank()))
                .queryParamIfPresent("relation", java.util.Optional.ofNullable(relation).filter(r -> !r.isBlank()))
                .queryParam("page", page).queryParam("size", size).encode().toUriString());
        return "digest-list";
    }

    private static IsoWeek parse(String week) {
        return IsoWeek.parse(week).orElseThrow(() -> new BadParameterException("week",
                "week '" + week + "' is not an ISO week like 2026-W48"));
    }
}
