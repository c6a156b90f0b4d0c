package org.llmtracker.api.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.llmtracker.api.i18n.I18nConfiguration;
import org.llmtracker.api.i18n.Languages;
import org.llmtracker.api.i18n.Texts;
import org.llmtracker.graph.digest.Digest;
import org.llmtracker.graph.model.Page;
import org.llmtracker.graph.digest.Digest.NewRelease;

class HtmlDigestTests {

    private static final Instant MONDAY = Instant.parse("2026-11-16T00:00:00Z");
    static final Texts ENGLISH = new Texts(I18nConfiguration.messageSource(), Languages.ENGLISH);

    static Digest weekOf(List<NewRelease> releases) {
        Page<Digest.Mover> none = new Page<>(0, List.of());
        return new Digest("2026-W47", MONDAY, MONDAY.plusSeconds(7 * 86_400), MONDAY.plusSeconds(8 * 86_400),
                new Page<>(releases.size(), releases), none, none, new Page<>(0, List.of()), new Page<>(0, List.of()),
                new Page<>(0, List.of()), new Page<>(0, List.of()), new Digest.WeekCounts(0, 0, 0, 0, 0, java.util.Map.of()),
                none, none, List.of());
    }

    @Test
    void upstreamTextIsEscapedAndOnlyWebLinksBecomeLinks() {
        Digest digest = weekOf(
                List.of(new NewRelease("evil/repo", "v1\"><img src=x onerror=alert(1)>", "<b>bold</b>", MONDAY, false,
                                "javascript:alert(1)"),
                        new NewRelease("good/repo", "v2", "fine", MONDAY, false, "https://github.com/good/repo/releases/tag/v2?a=1&b=2")));

        String html = HtmlDigest.page(DigestOutline.of(digest, ENGLISH, ""), "en");
        Document page = Jsoup.parse(html);

        assertThat(page.select("img, b, script")).isEmpty();
        assertThat(page.select("a")).singleElement()
                .satisfies(a -> assertThat(a.attr("href")).isEqualTo("https://github.com/good/repo/releases/tag/v2?a=1&b=2"));
        assertThat(page.text()).contains("evil/repo v1\"><img src=x onerror=alert(1)>", "“<b>bold</b>”");
        assertThat(MarkdownDigest.render(DigestOutline.of(digest, ENGLISH, ""))).contains("\\<b\\>bold\\</b\\>").doesNotContain("javascript:alert(1)>)");
    }

    @Test
    void aCarriageReturnInUpstreamTextCannotStartAMarkdownHeadingOrList() {
        Digest digest = weekOf(
                List.of(new NewRelease("evil/repo", "v1", "fine\r# Injected heading\r- injected item\r\n> quote", MONDAY,
                        false, "https://github.com/evil/repo/releases/tag/v1\r\n# x")));

        String markdown = MarkdownDigest.render(DigestOutline.of(digest, ENGLISH, ""));
        Document rendered = Jsoup.parse(org.commonmark.renderer.html.HtmlRenderer.builder().build()
                .render(org.commonmark.parser.Parser.builder().build().parse(markdown)));

        assertThat(markdown).doesNotContain("\r");
        assertThat(rendered.select("h1")).extracting(Element::text).doesNotContain("Injected heading");
        assertThat(rendered.select("blockquote")).isEmpty();
        assertThat(rendered.text()).contains("Injected heading").contains("injected item");
    }

    @Test
    void whateverTheWeekHoldsTheMarkdownAndTheHtmlKeepTheirBoundsAndTheirTotals() {
        // a hundred items per section (items-per-section at its maximum), names of 10,000 characters, in both languages
        String huge = "x".repeat(10_000);
        List<Digest.NewModel> models = java.util.stream.IntStream.range(0, 100).mapToObj(i -> new Digest.NewModel(
                "owner/" + huge + i, "owner/" + huge + i, false, "FINETUNE", "f", huge, (long) i, 1L)).toList();
        List<Digest.FamilyGrowth> families = java.util.stream.IntStream.range(0, 100).mapToObj(i -> new Digest.FamilyGrowth(
                "head/" + i, huge + i, false, 1_000, java.util.Map.of("FINETUNE", 600L, "QUANTIZED", 400L), List.of(huge),
                models.subList(0, 3))).toList();
        List<Digest.Mover> movers = java.util.stream.IntStream.range(0, 100).mapToObj(i -> new Digest.Mover(
                "o/" + huge + i, huge, "https://huggingface.co/" + huge, 1, 2, 1, 1.0)).toList();
        Digest digest = new Digest("2026-W47", MONDAY, MONDAY.plusSeconds(7 * 86_400), MONDAY.plusSeconds(8 * 86_400),
                new Page<>(0, List.of()), new Page<>(5_000, movers), new Page<>(5_000, movers), new Page<>(0, List.of()),
                new Page<>(9_000, families), new Page<>(20_000, models), new Page<>(26_000, models),
                new Digest.WeekCounts(26_000, 20_000, 0, 6_000, 0, java.util.Map.of()), new Page<>(300, movers),
                new Page<>(300, movers), List.of());
        for (Texts texts : List.of(ENGLISH, new Texts(I18nConfiguration.messageSource(), Languages.CHINESE))) {
            DigestOutline outline = DigestOutline.of(digest, texts, "https://tracker.example");
            String markdown = MarkdownDigest.render(outline, "lead");
            String page = HtmlDigest.page(outline, "en");
            assertThat(markdown.length()).isLessThanOrEqualTo(MarkdownDigest.MAX_CHARS);
            assertThat(page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(HtmlDigest.MAX_BYTES);
            assertThat(HtmlDigest.bounded(outline).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(HtmlDigest.MAX_BYTES);
            // what is cut is still counted and linked
            assertThat(markdown).contains("26,000", "https://tracker.example/digests/2026-W47/new-models");
            assertThat(Jsoup.parse(page).select("section#families").attr("data-total")).isEqualTo("9000");
        }
    }
}
