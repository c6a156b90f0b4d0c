package org.llmtracker.crawler.inference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
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

    private final List<ModelFacts> due = new ArrayList<>();
    private final List<ModelFacts> waiting = new ArrayList<>();
    private final Set<String> touchedStems = new java.util.HashSet<>();
    private final Set<String> unlearned = new java.util.HashSet<>();
    private boolean starved;

    HubCandidates(InferenceReads reads, HubClient client, IntSupplier requestsLeft, CrawlRecorder recorder) {
        this.client = client;
        this.requestsLeft = requestsLeft;
        this.recorder = recorder;
        reads.candidates(m -> {
            ModelFacts facts = facts(m);
            index(facts);
            if (m.eligible()) {
                (m.due() ? due : waiting).add(facts);
            }
            if (m.due() && !facts.name().quantized() && !facts.taggedAsQuantization()) {
                HubName name = facts.name();
                touchedStems.add(name.stem());
                touchedStems.addAll(name.ownStems());
            }
        });
    }

    /**
     * The models this run checks: those new or changed since their last check, and those sharing a name stem
     * with a new or changed unquantised model (a parent that arrived late may change their answer), at most
     * {@code limit}, never-checked and most downloaded first as read.
     */
    List<ModelFacts> subjects(int limit) {
        List<ModelFacts> subjects = new ArrayList<>(due);
        for (ModelFacts m : waiting) {
            if (!touchedStems.isEmpty() && ParentFinder.stems(m.name(), m).stream().anyMatch(touchedStems::contains)) {
                subjects.add(m);
            }
        }
        due.clear();
        waiting.clear();
        touchedStems.clear();
        subjects.sort(java.util.Comparator.comparing((ModelFacts m) -> m.downloads() == null ? 0L : m.downloads()).reversed());
        return subjects.size() > limit ? List.copyOf(subjects.subList(0, limit)) : subjects;
    }

    static ModelFacts facts(StoredHubModel m) {
        String owner = m.hfId().contains("/") ? m.hfId().substring(0, m.hfId().indexOf('/')) : "";
        List<String> publishers = m.publishers().stream().filter(p -> p != null && !p.equalsIgnoreCase(owner)).toList();
        ListedCard listed = m.cardCreator() == null && m.cardQuantizedBy() == null && m.cardBaseMentions().isEmpty() ? null
                : new ListedCard(m.cardCreator(), m.cardQuantizedBy(), m.cardBaseMentions());
        return new ModelFacts(m.hfId(), m.aliases(), m.createdAt(), m.modelType(), List.of(), m.ggufArchitecture(), m.parameters(),
                m.formatTags(), m.libraryName(), m.downloads(), null, m.catalogued(), m.likes(), publishers, listed);
    }

    /** How many stored models the run knows. */
    int size() {
        return stored.size();
    }

    /** A subject whose own facts the budget did not let the run ask for: its answer may be incomplete. */
    void unlearned(ModelFacts subject) {
        unlearned.add(subject.key());
    }

    /** Starts judging one model: whether the budget refused it a request is told by {@link #starved()}. */
    void begin(ModelFacts subject) {
        starved = unlearned.contains(subject.key());
    }

    /** True when the budget refused a request since {@link #begin()}: the model's answer may be incomplete. */
    boolean starved() {
        return starved;
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
                null, storedFacts.catalogued(), first(storedFacts.likes(), fromHub.likes()), storedFacts.publishers(),
                first(storedFacts.listed(), fromHub.listed()));
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
        starved = true;
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
            Set<String> keys = new LinkedHashSet<>();
            keys.add(name.stem());
            if (name.stemWithoutSize() != null) {
                keys.add(name.stemWithoutSize());
            }
            keys.addAll(name.ownStems());
            keys.forEach(k -> stems.computeIfAbsent(k, x -> new ArrayList<>(2)).add(m));
        }
    }
}
