package org.llmtracker.crawler.sweep.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link HubShape} listed as it is, without holding it: a cursor's position is computed from its time. */
public final class GeneratedHub implements Listing {

    private final HubShape shape;

    public GeneratedHub(HubShape shape) {
        this.shape = shape;
    }

    @Override
    public List<ListedModel> after(Key after, int limit) {
        int from = after == null ? 0
                : (int) (Duration.between(after.lastModified(), HubShape.NEWEST).toSeconds() / HubShape.STEP.toSeconds()) + 1;
        List<ListedModel> page = new ArrayList<>(limit);
        for (int i = from; i < shape.size() && page.size() < limit; i++) {
            page.add(shape.model(i));
        }
        return page;
    }
}
