package org.llmtracker.crawler.inference;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What inference knows of one Hub model: from the graph, a search result or {@code GET /api/models/{id}}.
 * Null fields are unknown and count neither for nor against a candidate.
 *
 * @param id               the Hub id as the Hub spells it
 * @param aliases          former ids (renames) the model also answers to
 * @param modelType        {@code config.model_type} ({@code llama}, {@code mistral})
 * @param architectures    {@code config.architectures} ({@code LlamaForCausalLM})
 * @param ggufArchitecture {@code gguf.architecture}, for GGUF repos
 * @param parameters       {@code safetensors.total}, else {@code gguf.total}
 * @param tags             the Hub's tags ({@code gguf}, {@code 4-bit}, ...)
 * @param card             the model card's text (README), null when not read
 * @param catalogued       a catalogue entry: a model the catalogue describes is never given an inferred parent
 * @param likes            the Hub's likes
 * @param publishers       display names of the organisation that publishes it (the catalogue's, with aliases), beside the owner id
 * @param listed           the card fields the Hub's listing carried; null when the listing did not say
 */
public record ModelFacts(String id, List<String> aliases, Instant createdAt, String modelType, List<String> architectures,
        String ggufArchitecture, Long parameters, List<String> tags, String libraryName, Long downloads, String card,
        boolean catalogued, Long likes, List<String> publishers, ListedCard listed) {

    public ModelFacts(String id, List<String> aliases, Instant createdAt, String modelType, List<String> architectures,
            String ggufArchitecture, Long parameters, List<String> tags, String libraryName, Long downloads, String card,
            boolean catalogued) {
        this(id, aliases, createdAt, modelType, architectures, ggufArchitecture, parameters, tags, libraryName, downloads, card,
                catalogued, null, List.of(), null);
    }

    public ModelFacts {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a model needs an id");
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        architectures = architectures == null ? List.of() : List.copyOf(architectures);
        tags = tags == null ? List.of() : List.copyOf(tags);
        publishers = publishers == null ? List.of() : List.copyOf(publishers);
    }

    /** A model known by its id and upload time only. */
    public static ModelFacts of(String id, Instant createdAt) {
        return new ModelFacts(id, List.of(), createdAt, null, List.of(), null, null, List.of(), null, null, null, false);
    }

    public String key() {
        return id.toLowerCase(Locale.ROOT);
    }

    public HubName name() {
        return HubName.parse(id);
    }

    public ModelFacts withCard(String text) {
        return new ModelFacts(id, aliases, createdAt, modelType, architectures, ggufArchitecture, parameters, tags,
                libraryName, downloads, text, catalogued, likes, publishers, listed);
    }

    /** The same model with popularity and listed card fields. */
    public ModelFacts withListing(Long likes, List<String> publishers, ListedCard listed) {
        return new ModelFacts(id, aliases, createdAt, modelType, architectures, ggufArchitecture, parameters, tags,
                libraryName, downloads, card, catalogued, likes, publishers, listed);
    }

    /** The same model with what a fuller answer adds (config, sizes, tags, card); known values stay. */
    public ModelFacts merge(ModelFacts more) {
        return new ModelFacts(id, aliases.isEmpty() ? more.aliases : aliases, first(createdAt, more.createdAt),
                first(modelType, more.modelType), architectures.isEmpty() ? more.architectures : architectures,
                first(ggufArchitecture, more.ggufArchitecture), first(parameters, more.parameters),
                tags.isEmpty() ? more.tags : tags, first(libraryName, more.libraryName), first(downloads, more.downloads),
                first(card, more.card), catalogued || more.catalogued, first(likes, more.likes),
                publishers.isEmpty() ? more.publishers : publishers, first(listed, more.listed));
    }

    /** True when the Hub's own tags or library say this repo holds quantised or converted weights. */
    public boolean taggedAsQuantization() {
        return tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).anyMatch(t -> Formats.TAGS.contains(t))
                || (libraryName != null && Formats.LIBRARIES.contains(libraryName.toLowerCase(Locale.ROOT)))
                || ggufArchitecture != null;
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
