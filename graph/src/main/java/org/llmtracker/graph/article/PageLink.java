package org.llmtracker.graph.article;

import java.util.List;

/** A reference URL from the catalogue and the catalogued models that cite it. */
public record PageLink(String url, List<String> modelIds) {

    public PageLink {
        modelIds = List.copyOf(modelIds);
    }
}
