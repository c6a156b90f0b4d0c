package org.llmtracker.api.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.digest.Digest;
import org.llmtracker.graph.digest.Digest.NewRelease;

class HtmlDigestTests {

    private static final Instant MONDAY = Instant.parse("2026-11-16T00:00:00Z");

    @Test
    void upstreamTextIsEscapedAndOnlyWebLinksBecomeLinks() {
        Digest digest = new Digest("2026-W47", MONDAY, MONDAY.plusSeconds(7 * 86_400), MONDAY.plusSeconds(8 * 86_400),
                List.of(new NewRelease("evil/repo", "v1\"><img src=x onerror=alert(1)>", "<b>bold</b>", MONDAY, false,
                                "javascript:alert(1)"),
                        new NewRelease("good/repo", "v2", "fine", MONDAY, false, "https://github.com/good/repo/releases/tag/v2?a=1&b=2")),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        String html = HtmlDigest.page(DigestOutline.of(digest));
        Document page = Jsoup.parse(html);

        assertThat(page.select("img, b, script")).isEmpty();
        assertThat(page.select("a")).singleElement()
                .satisfies(a -> assertThat(a.attr("href")).isEqualTo("https://github.com/good/repo/releases/tag/v2?a=1&b=2"));
        assertThat(page.text()).contains("evil/repo v1\"><img src=x onerror=alert(1)>", "“<b>bold</b>”");
        assertThat(MarkdownDigest.render(DigestOutline.of(digest))).contains("\\<b\\>bold\\</b\\>").doesNotContain("javascript:alert(1)>)");
    }

    @Test
    void aCarriageReturnInUpstreamTextCannotStartAMarkdownHeadingOrList() {
        Digest digest = new Digest("2026-W47", MONDAY, MONDAY.plusSeconds(7 * 86_400), MONDAY.plusSeconds(8 * 86_400),
                List.of(new NewRelease("evil/repo", "v1", "fine\r# Injected heading\r- injected item\r\n> quote", MONDAY,
                        false, "https://github.com/evil/repo/releases/tag/v1\r\n# x")),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        String markdown = MarkdownDigest.render(DigestOutline.of(digest));
        Document rendered = Jsoup.parse(org.commonmark.renderer.html.HtmlRenderer.builder().build()
                .render(org.commonmark.parser.Parser.builder().build().parse(markdown)));

        assertThat(markdown).doesNotContain("\r");
        assertThat(rendered.select("h1")).extracting(Element::text).doesNotContain("Injected heading");
        assertThat(rendered.select("blockquote")).isEmpty();
        assertThat(rendered.text()).contains("Injected heading").contains("injected item");
    }
}
