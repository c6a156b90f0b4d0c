package org.llmtracker.crawler.inference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Candidates from memory: what the graph holds, what the Hub's search finds (a case-insensitive
 * substring of the id, most downloaded first, 50 at most) and cards by id. Counts the searches.
 */
final class ModelUniverse implements Candidates {

    private final Map<String, ModelFacts> models = new LinkedHashMap<>();
    private final Map<String, List<ModelFacts>> stems = new HashMap<>();
    private final Map<String, String> cards = new HashMap<>();
    private int searches;

    ModelUniverse add(ModelFacts model) {
        models.put(model.key(), model);
        HubName name = model.name();
        stems.computeIfAbsent(name.stem(), k -> new ArrayList<>()).add(model);
        if (name.stemWithoutSize() != null) {
            stems.computeIfAbsent(name.stemWithoutSize(), k -> new ArrayList<>()).add(model);
        }
        name.ownStems().stream().filter(st -> !st.equals(name.stem()) && !st.equals(name.stemWithoutSize()))
                .forEach(st -> stems.computeIfAbsent(st, k -> new ArrayList<>()).add(model));
        return this;
    }

    ModelUniverse card(String id, String text) {
        cards.put(id.toLowerCase(Locale.ROOT), text);
        return this;
    }

    int searches() {
        return searches;
    }

    @Override
    public List<ModelFacts> byStem(Collection<String> wanted) {
        return wanted.stream().flatMap(s -> stems.getOrDefault(s, List.of()).stream()).distinct().toList();
    }

    @Override
    public List<ModelFacts> search(String text) {
        searches++;
        String needle = text.toLowerCase(Locale.ROOT);
        return models.values().stream().filter(m -> m.key().contains(needle))
                .sorted((a, b) -> Long.compare(b.downloads() == null ? 0 : b.downloads(), a.downloads() == null ? 0 : a.downloads()))
                .limit(50).toList();
    }

    @Override
    public Optional<ModelFacts> byId(String id) {
        return Optional.ofNullable(models.get(id.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<String> card(String id) {
        return Optional.ofNullable(cards.get(id.toLowerCase(Locale.ROOT)));
    }
}
