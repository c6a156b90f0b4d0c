package org.llmtracker.crawler.inference;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where candidate parents come from: the graph first (free), then the Hub (counted requests).
 * An implementation whose request budget is spent answers empty.
 */
public interface Candidates {

    /**
     * Stored models whose name stem ({@link HubName#stem()}), or stem without its size token
     * ({@link HubName#stemWithoutSize()}), is one of {@code stems}.
     */
    List<ModelFacts> byStem(Collection<String> stems);

    /** The Hub's search: models whose id contains {@code text}. */
    List<ModelFacts> search(String text);

    /** One model by id: stored, else asked of the Hub. */
    Optional<ModelFacts> byId(String id);

    /** A model's card text (README), when it can be read. */
    Optional<String> card(String id);
}
