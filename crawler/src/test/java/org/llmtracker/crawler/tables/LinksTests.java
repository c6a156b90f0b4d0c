package org.llmtracker.crawler.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class LinksTests {

    private final List<String> warnings = new ArrayList<>();

    private List<String> linksIn(String html, boolean linkColumn) {
        Element cell = Jsoup.parseBodyFragment("<table><tr><td>" + html + "</td></tr></table>").selectFirst("td");
        return Links.in(cell, linkColumn, warnings::add);
    }

    @Test
    void splitsUrlsGluedTogether() {
        assertThat(linksIn("https://a.com/x?y=1https://github.com/o/r", false))
                .containsExactly("https://a.com/x?y=1", "https://github.com/o/r");
    }

    @Test
    void keepsAUrlThatIsAParameterValue() {
        assertThat(linksIn("https://example.org/go?to=https://github.com/o/r", false))
                .containsExactly("https://example.org/go?to=https://github.com/o/r");
    }

    @Test
    void completesADomainWithoutSchemeInTheLinkColumnOnly() {
        assertThat(linksIn("github.com/THUDM/ChatGLM-6Bhttps://chatglm.cn/blog", true))
                .containsExactly("https://github.com/THUDM/ChatGLM-6B", "https://chatglm.cn/blog");
        assertThat(linksIn("see t5.1.1/x and github.com/THUDM/ChatGLM-6B", false)).isEmpty();
    }

    @Test
    void findsUrlsInsideChineseTextAndDropsSentencePunctuation() {
        assertThat(linksIn("可参考https://zhuanlan.zhihu.com/p/613315873。另见(https://example.org/a).", false))
                .containsExactly("https://zhuanlan.zhihu.com/p/613315873", "https://example.org/a");
    }

    @Test
    void unwrapsZhihuRedirects() {
        assertThat(linksIn("https://link.zhihu.com/?target=https%3A//huggingface.co/spaces/trl-lib/stack-llama", true))
                .containsExactly("https://huggingface.co/spaces/trl-lib/stack-llama");
    }

    @Test
    void readsAnchorsAndIgnoresImagesAndOtherSchemes() {
        assertThat(linksIn("<a href=\"https://github.com/o/r\">code</a> <img src=\"file:///C:/x.png\"> ftp://x.org/y", false))
                .containsExactly("https://github.com/o/r");
    }

    @Test
    void recognisesGithubRepositories() {
        assertThat(Links.githubRepository("https://github.com/PhoebusSi/Alpaca-CoT/blob/main/CN_README.md"))
                .contains("PhoebusSi/Alpaca-CoT");
        assertThat(Links.githubRepository("https://github.com/o/r.git")).contains("o/r");
        assertThat(Links.githubRepository("https://github.com/topics/llm")).isEmpty();
        assertThat(Links.githubRepository("https://github.com/hpcaitech")).isEmpty();
        assertThat(Links.githubRepository("https://gitlab.com/o/r")).isEmpty();
    }

    @Test
    void recognisesHuggingFaceModelsButNotBlogsSpacesOrDatasets() {
        assertThat(Links.huggingfaceId("https://huggingface.co/databricks/dolly-v2-12")).contains("databricks/dolly-v2-12");
        assertThat(Links.huggingfaceId("https://huggingface.co/banana-dev/GPTrillion/tree/main")).contains("banana-dev/GPTrillion");
        assertThat(Links.huggingfaceId("https://huggingface.co/blog/stackllama")).isEmpty();
        assertThat(Links.huggingfaceId("https://huggingface.co/spaces/trl-lib/stack-llama")).isEmpty();
        assertThat(Links.huggingfaceId("https://huggingface.co/datasets/databricks/databricks-dolly-15k")).isEmpty();
    }
}
