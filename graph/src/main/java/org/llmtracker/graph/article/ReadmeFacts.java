package org.llmtracker.graph.article;

import java.util.List;

/**
 * Links found in a repository's README.
 *
 * @param huggingfaceIds Hugging Face model ids, in order of appearance
 * @param papers         arXiv papers, by canonical abstract URL
 */
public record ReadmeFacts(List<String> huggingfaceIds, List<Paper> papers) {

    public ReadmeFacts {
        huggingfaceIds = List.copyOf(huggingfaceIds);
        papers = List.copyOf(papers);
    }

    public record Paper(String url, String title) {
    }
}
