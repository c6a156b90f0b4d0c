package org.llmtracker.crawler.sweep.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A listing tests change between passes: models added, modified (they move to the front) and removed. */
public final class MutableHub implements Listing {

    private final NavigableMap<Key, ListedModel> listed = new TreeMap<>(ORDER);
    private final Map<String, Key> keys = new HashMap<>();

    public MutableHub(Collection<ListedModel> models) {
        models.forEach(this::put);
    }

    public synchronized void put(ListedModel model) {
        Key old = keys.put(model.id(), model.key());
        if (old != null) {
            listed.remove(old);
        }
        listed.put(model.key(), model);
    }

    public synchronized void remove(String id) {
        Key key = keys.remove(id);
        if (key != null) {
            listed.remove(key);
        }
    }

    public synchronized ListedModel get(String id) {
        Key key = keys.get(id);
        return key == null ? null : listed.get(key);
    }

    public synchronized List<ListedModel> all() {
        return new ArrayList<>(listed.values());
    }

    public synchronized int size() {
        return listed.size();
    }

    @Override
    public synchronized List<ListedModel> after(Key after, int limit) {
        List<ListedModel> page = new ArrayList<>(limit);
        for (ListedModel m : (after == null ? listed : listed.tailMap(after, false)).values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(m);
        }
        return page;
    }
}
