package org.llmtracker.crawler.sweep.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** What a stand-in Hub lists: every model, newest change first ({@code sort=lastModified}; the Hub sorts descending only). */
public interface Listing {

    /** Newest change first, then the larger {@code _id}: a total order, so a cursor is a position in it. */
    Comparator<Key> ORDER = Comparator.comparing(Key::lastModified, Comparator.reverseOrder())
            .thenComparing(Key::objectId, Comparator.reverseOrder());

    /** At most {@code limit} models listed after {@code after} (null: from the first), in listing order. */
    List<ListedModel> after(Key after, int limit);

    /** A model's place in the listing. */
    record Key(Instant lastModified, String objectId) {
    }
}
