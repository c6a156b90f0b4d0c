package org.llmtracker.crawler.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.article.ReadmeFacts;

class ReadmeLinksTests {

    @Test
    void findsModelLinksButNotDatasetsSpacesOrDocs() {
        ReadmeFacts facts = ReadmeLinks.parse("""
                <a href="https://huggingface.co/THUDM/chatglm-6b">weights</a>
                <a href="https://huggingface.co/THUDM/chatglm-6b/tree/main">files</a>
                <a href="https://huggingface.co/datasets/BelleGroup/train_0.5M_CN">data</a>
                <a href="https://huggingface.co/spaces/THUDM/ChatGLM-6B">demo</a>
                <a href="https://huggingface.co/docs/transformers">docs</a>
                <a href="https://huggingface.co/THUDM">org</a>
                """, "https://github.com/THUDM/ChatGLM-6B/");

        assertThat(facts.huggingfaceIds()).containsExactly("THUDM/chatglm-6b");
    }

    @Test
    void arxivAbstractsAndPdfsBecomeOnePaperEach() {
        ReadmeFacts facts = ReadmeLinks.parse("""
                <a href="https://arxiv.org/abs/2302.13971v2">LLaMA: Open and Efficient Foundation Language Models</a>
                <a href="http://arxiv.org/pdf/2302.13971.pdf"><img alt="badge" src="b.svg"></a>
                <a href="https://arxiv.org/abs/2303.16199">https://arxiv.org/abs/2303.16199</a>
                <a href="https://arxiv.org/list/cs.CL/recent">listing</a>
                <a href="docs/paper.md">relative</a>
                """, "https://github.com/facebookresearch/llama/");

        assertThat(facts.papers()).containsExactly(
                new ReadmeFacts.Paper("https://arxiv.org/abs/2302.13971", "LLaMA: Open and Efficient Foundation Language Models"),
                new ReadmeFacts.Paper("https://arxiv.org/abs/2303.16199", null));
    }
}
