package org.llmtracker.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteLinksTests {

    private final SiteLinks links = new SiteLinks();

    @Test
    void aHubIdKeepsItsSlashAndEachSegmentIsEncoded() {
        assertThat(links.model("huggyllama/llama-7b")).isEqualTo("/models/huggyllama/llama-7b");
        assertThat(links.model("probe/<img src=x>")).isEqualTo("/models/probe/%3Cimg%20src=x%3E");
        assertThat(links.modelApi("a b/c", "/graph?depth=2")).isEqualTo("/api/models/a%20b/c/graph?depth=2");
        assertThat(links.repositoryHistory("facebookresearch/llama")).isEqualTo("/api/repositories/facebookresearch/llama/history");
    }

    @Test
    void onlyWebAddressesFromUpstreamBecomeLinks() {
        assertThat(links.web("https://arxiv.org/abs/2302.13971")).isEqualTo("https://arxiv.org/abs/2302.13971");
        assertThat(links.web("javascript:alert(1)")).isNull();
        assertThat(links.web("JaVaScRiPt:alert(1)")).isNull();
        assertThat(links.web("data:text/html,<script>")).isNull();
        assertThat(links.web("not a url")).isNull();
    }
}
