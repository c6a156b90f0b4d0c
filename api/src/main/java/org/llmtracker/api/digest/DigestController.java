package org.llmtracker.api.digest;

import java.time.Clock;
import java.util.List;

import org.llmtracker.api.web.ApiProperties;
import org.llmtracker.api.web.BadParameterException;
import org.llmtracker.api.web.NotFoundException;
import org.llmtracker.graph.digest.IsoWeek;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class DigestController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final DigestService digests;
    private final Clock clock;
    private final int feedSize;
    private final String publicBaseUrl;

    DigestController(DigestService digests, Clock clock, DigestProperties digest, ApiProperties api) {
        this.digests = digests;
        this.clock = clock;
        this.feedSize = digest.feedSize();
        // Links in the feed are read by other programs later: from the configured address, never the Host header.
        this.publicBaseUrl = api.publicBaseUrl().toString().replaceAll("/+$", "");
    }

    @Operation(summary = "The newest stored weekly digest",
            description = "JSON by default; Accept: text/markdown gives Markdown, Accept: text/html a page.")
    @GetMapping("/api/digests/latest")
    ResponseEntity<String> latest(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return render(digests.latest().orElseThrow(() -> new NotFoundException("No digest has been built yet")), accept);
    }

    @Operation(summary = "The digest of one ISO week, like 2026-W48",
            description = "JSON by default; Accept: text/markdown gives Markdown, Accept: text/html a page.")
    @GetMapping("/api/digests/{week}")
    ResponseEntity<String> week(@PathVariable String week, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        IsoWeek parsed = IsoWeek.parse(week).orElseThrow(() -> new BadParameterException("week",
                "week '" + week + "' is not an ISO week like 2026-W48"));
        return render(digests.find(parsed).orElseThrow(() -> new NotFoundException("No digest for week " + parsed)), accept);
    }

    @Operation(summary = "Atom feed of recent digests")
    @GetMapping("/api/digests/feed.atom")
    ResponseEntity<String> feed() {
        return ResponseEntity.ok().contentType(ATOM).body(AtomFeed.render(digests.recent(feedSize), publicBaseUrl, clock.instant()));
    }

    private static ResponseEntity<String> render(DigestService.StoredJson stored, String accept) {
        return switch (choose(accept)) {
            case "markdown" -> ResponseEntity.ok().varyBy(HttpHeaders.ACCEPT).contentType(MARKDOWN).body(MarkdownDigest.render(DigestOutline.of(stored.digest())));
            case "html" -> ResponseEntity.ok().varyBy(HttpHeaders.ACCEPT).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .body(HtmlDigest.page(DigestOutline.of(stored.digest())));
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
