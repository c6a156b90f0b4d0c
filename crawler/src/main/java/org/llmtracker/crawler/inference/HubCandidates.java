package org.llmtracker.crawler.inference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

import org.llmtracker.crawler.huggingface.HubClient;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.graph.inference.InferenceReads;
import org.llmtracker.graph.inference.ModelTraits;
import org.llmtracker.graph.inference.StoredHubModel;

/**
 * Candidates for one {@code infer} run: every stored Hub model, indexed by name stem once at the
 * start (free), then the Hub's search, single-model answers and cards while the run's request
 * budget lasts. Models the Hub names that the graph lacks are remembered, so a chosen parent can
 * be stored before the link to it.
 */
final class HubCandidates implements Candidates {

    private static final int SEARCH_LIMIT = 50;

    private final Map<String, List<ModelFacts>> stems = new HashMap<>();
    private final Map<String, ModelFacts> stored = new HashMap<>();
    private final Map<String, ModelFacts> fromHub = new LinkedHashMap<>();
    private final HubClient client;
    private final HubFacts json = new HubFacts();
    private final IntSupplier requestsLeft;
    private final CrawlRecorder recorder;

    HubCandidates(InferenceReads reads, HubClient client, IntSupplier requestsLeft, CrawlRecorder recorder) {
        this.client = client;
        this.requestsLeft = requestsLeft;
        this.recorder = recorder;
        reads.candidates(m -> index(facts(m)));
    }

    static ModelFacts facts(StoredHubModel m) {
        return new ModelFacts(m.hfId(), m.aliases(), m.createdAt(), m.modelType(), List.of(), m.ggufArchitecture(), m.parameters(),
                m.formatTags(), m.libraryName(), m.downloads(), null, m.catalogued());
    }

    /** What the graph will keep of a model's facts, so that the next run judges it alike. */
    static ModelTraits traits(ModelFacts m) {
        return new ModelTraits(m.id(), m.modelType(), m.ggufArchitecture(), m.parameters(),
                m.tags().stream().filter(t -> Formats.TAGS.contains(t.toLowerCase(Locale.ROOT))).sorted().toList());
    }

    /**
     * The stored model as the graph will hold it once its traits are written: what was stored, with
     * the Hub's config, sizes and format tags.
     */
    ModelFacts learn(ModelFacts storedFacts, ModelFacts fromHub) {
        ModelTraits t = traits(fromHub);
        ModelFacts learned = new ModelFacts(storedFacts.id(), storedFacts.aliases(), storedFacts.createdAt(),
                first(t.modelType(), storedFacts.modelType()), List.of(), first(t.ggufArchitecture(), storedFacts.ggufArchitecture()),
                first(storedFacts.parameters(), t.parameters()), t.formatTags(), storedFacts.libraryName(), storedFacts.downloads(),
                null, storedFacts.catalogued());
        index(learned);
        return learned;
    }

    /** The stored model by any of its ids; null when the graph lacks it. */
    ModelFacts stored(String id) {
        return stored.get(id.toLowerCase(Locale.ROOT));
    }

    /** A candidate the run found on the Hub only, by id; null when it is stored or unknown. */
    ModelFacts onlyOnHub(String id) {
        return fromHub.get(id.toLowerCase(Locale.ROOT));
    }

    /** Whether another request fits the run's budget; counts a refusal once per kind of request. */
    boolean mayAsk(String what) {
        if (requestsLeft.getAsInt() > 0) {
            return true;
        }
        recorder.count("skipped" + what);
        return false;
    }

    /** The model's own facts from the Hub (config, sizes, tags); empty when gone, gated or over budget. */
    Optional<ModelFacts> fromHub(String id) {
        if (!mayAsk("ModelInfo")) {
            return Optional.empty();
        }
        return client.modelBody(id, HubFacts.EXPAND).map(body -> json.model(body, "model " + id));
    }

    @Override
    public List<ModelFacts> byStem(Collection<String> wanted) {
        List<ModelFacts> found = new ArrayList<>();
        wanted.forEach(s -> stems.getOrDefault(s, List.of()).forEach(m -> {
            if (!found.contains(m)) {
                found.add(m);
            }
        }));
        return found;
    }

    @Override
    public List<ModelFacts> search(String text) {
        if (!mayAsk("Searches")) {
            return List.of();
        }
        recorder.count("searches");
        List<ModelFacts> found = new ArrayList<>();
        for (ModelFacts m : json.list(client.searchBody(text, SEARCH_LIMIT, HubFacts.EXPAND), "search '" + text + "'")) {
            ModelFacts known = stored(m.id());
            found.add(known != null ? known.merge(m) : remember(m));
        }
        return found;
    }

    @Override
    public Optional<ModelFacts> byId(String id) {
        ModelFacts known = stored(id);
        if (known != null) {
            return Optional.of(known);
        }
        if (fromHub.containsKey(id.toLowerCase(Locale.ROOT))) {
            return Optional.of(fromHub.get(id.toLowerCase(Locale.ROOT)));
        }
        return fromHub(id).map(this::remember);
    }

    @Override
    public Optional<String> card(String id) {
        if (!mayAsk("Cards")) {
            return Optional.empty();
        }
        recorder.count("cards");
        return client.readme(id);
    }

    private ModelFacts remember(ModelFacts m) {
        fromHub.putIfAbsent(m.key(), m);
        return fromHub.get(m.key());
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    private void index(ModelFacts m) {
        ModelFacts before = stored.get(m.key());
        if (before != null) {
            stems.values().forEach(list -> list.remove(before));
        }
        stored.put(m.key(), m);
        m.aliases().forEach(a -> stored.put(a.toLowerCase(Locale.ROOT), m));
        List<HubName> names = new ArrayList<>();
        names.add(m.name());
        m.aliases().forEach(a -> names.add(HubName.parse(a)));
        for (HubName name : names) {
            stems.computeIfAbsent(name.stem(), k -> new ArrayList<>()).add(m);
            if (name.stemWithoutSize() != null) {
                stems.computeIfAbsent(name.stemWithoutSize(), k -> new ArrayList<>()).add(m);
            }
        }
    }
}
