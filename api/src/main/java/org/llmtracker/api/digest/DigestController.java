package org.llmtracker.api.digest;

import java.time.Clock;
import java.util.List;

import java.util.Locale;

import org.llmtracker.api.web.ApiProperties;
import org.llmtracker.api.i18n.Languages;
import org.llmtracker.api.i18n.RequestLanguage;
import org.llmtracker.api.i18n.Texts;
import org.llmtracker.api.web.PageResponse;
import org.llmtracker.api.web.BadParameterException;
import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.graph.digest.IsoWeek;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

@RestController
class DigestController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final DigestService digests;
    private final DigestListReads lists;
    private final Clock clock;
    private final int feedSize;
    private final String publicBaseUrl;
    private final MessageSource messages;

    DigestController(DigestService digests, DigestListReads lists, Clock clock, DigestProperties digest,
            ApiProperties api, MessageSource messages) {
        this.digests = digests;
        this.lists = lists;
        this.clock = clock;
        this.feedSize = digest.feedSize();
        this.messages = messages;
        // Links in the feed are read by other programs later: from the configured address, never the Host header.
        this.publicBaseUrl = api.publicBaseUrl().toString().replaceAll("/+$", "");
    }

    // A request's ?lang= or Accept-Language when it names one of ours; else the delivered digests' language.
    private Texts texts(HttpServletRequest request) {
        Locale named = RequestLanguage.named(request);
        return named == null ? digests.delivered() : new Texts(messages, named);
    }

    @Operation(summary = "The newest stored weekly digest",
            description = "JSON by default; Accept: text/markdown gives Markdown, Accept: text/html a page.")
    @GetMapping("/api/digests/latest")
    ResponseEntity<String> latest(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request) {
        return render(digests.latest().orElseThrow(() -> new NotFoundException("No digest has been built yet")), accept,
                texts(request));
    }

    @Operation(summary = "The digest of one ISO week, like 2026-W48",
            description = "JSON by default; Accept: text/markdown gives Markdown, Accept: text/html a page.")
    @GetMapping("/api/digests/{week}")
    ResponseEntity<String> week(@PathVariable String week, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletRequest request) {
        IsoWeek parsed = parse(week);
        return render(digests.find(parsed).orElseThrow(() -> new NotFoundException("No digest for week " + parsed)), accept,
                texts(request));
    }

    @Operation(summary = "The whole list behind one section of a week's digest, a page at a time",
            description = "section: releases, star-movers, star-risers, derivatives, families, new-families, new-models, "
                    + "download-movers, like-movers. new-models takes family (a model id: its new descendants at any depth, "
                    + "its later generations' included) and relation (FINETUNE, ADAPTER, QUANTIZED, MERGE, "
                    + "CONTINUED_PRETRAINING, UNKNOWN, NEW_VERSION, or ROOT for new base models). Read from the store as it is now.")
    @GetMapping("/api/digests/{week}/{section}")
    PageResponse<?> section(@PathVariable String week, @PathVariable String section,
            @RequestParam(required = false) String family, @RequestParam(required = false) String relation,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return lists.page(parse(week), DigestListReads.section(section), family, relation, page, size);
    }

    @Operation(summary = "Atom feed of recent digests")
    @GetMapping("/api/digests/feed.atom")
    ResponseEntity<String> feed() {
        return ResponseEntity.ok().contentType(ATOM).body(AtomFeed.render(digests.recent(feedSize), publicBaseUrl, clock.instant(),
                digests.delivered()));
    }

    private static IsoWeek parse(String week) {
        return IsoWeek.parse(week).orElseThrow(() -> new BadParameterException("week",
                "week '" + week + "' is not an ISO week like 2026-W48"));
    }

    private ResponseEntity<String> render(DigestService.StoredJson stored, String accept, Texts texts) {
        return switch (choose(accept)) {
            case "markdown" -> ResponseEntity.ok().varyBy(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE).contentType(MARKDOWN)
                    .body(MarkdownDigest.render(DigestOutline.of(stored.digest(), texts, publicBaseUrl)));
            case "html" -> ResponseEntity.ok().varyBy(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE)
                    .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .body(HtmlDigest.page(DigestOutline.of(stored.digest(), texts, publicBaseUrl), Languages.tag(texts.locale())));
            // The answer depends on Accept: a cache in between must not hand JSON to a Markdown reader.
            default -> ResponseEntity.ok().varyBy(HttpHeaders.ACCEPT).contentType(MediaType.APPLICATION_JSON).body(stored.json());
        };
    }

    // The first of the client's preferences we can serve; JSON when it names none of ours.
    static String choose(String accept) {
        if (accept == null || accept.isBlank()) {
            return "json";
        }
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            return "json";
        }
        wanted = wanted.stream().sorted(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed()).toList();
        for (MediaType type : wanted) {
            if (type.isWildcardType()) {
                return "json";
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return "json";
            }
            if (type.isCompatibleWith(MARKDOWN)) {
                return "markdown";
            }
            if (type.isCompatibleWith(MediaType.TEXT_HTML)) {
                return "html";
            }
        }
        return "json";
    }
}
