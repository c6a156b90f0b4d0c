package org.llmtracker.api.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.digest.Digest;
import org.llmtracker.graph.license.LicenseConflict;
import org.llmtracker.graph.model.Page;

/** The digest's "New licence conflicts": the week's most downloaded new conflicts, the rest counted, never a list without end. */
class LicenseDigestSectionTests {

    private static final Instant MONDAY = Instant.parse("2026-11-16T00:00:00Z");

    private static Digest digest(Page<LicenseConflict> conflicts) {
        Page<Digest.Mover> none = new Page<>(0, List.of());
        return new Digest("2026-W47", MONDAY, MONDAY.plusSeconds(7 * 86_400), MONDAY.plusSeconds(8 * 86_400),
                new Page<>(0, List.of()), none, none, new Page<>(0, List.of()), new Page<>(0, List.of()),
                new Page<>(0, List.of()), new Page<>(0, List.of()), new Digest.WeekCounts(0, 0, 0, 0, 0, Map.of()),
                none, none, List.of(), conflicts);
    }

    @Test
    void theSectionNamesTheTopConflictsAndCountsTheRest() {
        Digest digest = digest(new Page<>(1_234, List.of(new LicenseConflict("someone/llama-3-chat",
                "someone/Llama-3-chat", "apache-2.0", "meta-llama/meta-llama-3-8b", "llama3", "permissive-over-restrictive", 1,
                5_000L))));

        String markdown = MarkdownDigest.render(DigestOutline.of(digest, HtmlDigestTests.ENGLISH, ""));

        assertThat(markdown).contains("New licence conflicts", "someone/Llama-3-chat",
                "apache-2.0 over llama3 of meta-llama/meta-llama-3-8b (permissive-over-restrictive)", "1,234",
                "/licenses/conflicts");
    }

    @Test
    void aDigestStoredBeforeTheSectionExistedReadsAsNone() {
        assertThat(MarkdownDigest.render(DigestOutline.of(digest(null), HtmlDigestTests.ENGLISH, "")))
                .contains("No model's licence newly drops its ancestor's terms.");
    }
}
