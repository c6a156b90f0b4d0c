package org.llmtracker.crawler.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.llmtracker.graph.model.Relation;

/**
 * The precision report's cases: models whose declared parent is known and hidden, among every
 * model the graph or the Hub's search could offer as a candidate. Sources in
 * {@code src/test/resources/inference/SOURCES.md}.
 */
final class PrecisionFixture {

    /** A model to infer for; {@code truth} null when it declares nothing. */
    record Case(ModelFacts model, String truth, Relation relation, String source, String card) {
    }

    private final List<Case> cases = new ArrayList<>();
    private final List<ModelFacts> models = new ArrayList<>();

    static PrecisionFixture load() {
        PrecisionFixture f = new PrecisionFixture();
        List<String[]> bases = rows("bases.tsv");
        for (String[] b : bases) {
            f.models.add(facts(b[0], b[1], b[2], b[3], b[4], b.length > 5 ? List.of(b[5].split(",")) : List.of(), List.of(), null, false));
        }
        for (String[] r : rows("relatives.tsv")) {
            ModelFacts m = facts(r[0], r[1], r[2], r[3], r[4], List.of(), List.of(), null, false);
            f.models.removeIf(x -> x.key().equals(m.key()));
            f.models.add(m);
            if (r[8].equals("case")) {
                String card = r[7].startsWith("file:") ? resource("cards/" + r[7].substring(5)) : r[7].isEmpty() ? null : r[7];
                f.cases.add(new Case(m, r[5], Relation.valueOf(r[6]), "relatives.tsv", card));
            }
        }
        for (String[] b : bases) {
            LocalDate released = LocalDate.parse(b[1]);
            for (Quantizers.Quantizer q : Quantizers.ALL) {
                if (!q.applies(b[0], released)) {
                    continue;
                }
                LocalDate start = released.isAfter(q.from()) ? released : q.from();
                LocalDate made = start.plusDays(1 + Math.floorMod((b[0] + q.label()).hashCode(), 60));
                String id = q.id().apply(b[0]);
                if (f.models.stream().anyMatch(m -> m.key().equals(id.toLowerCase(java.util.Locale.ROOT)))) {
                    continue; // a copy of a base (NousResearch's Llama 2) gets the original's quantizer names: the original keeps them
                }
                long parameters = Long.parseLong(b[3]);
                String type = b[2];
                ModelFacts m = new ModelFacts(id, List.of(), made.atStartOfDay().toInstant(ZoneOffset.UTC),
                        q.gguf() ? null : type, List.of(), q.gguf() ? ggufArchitecture(type) : null,
                        q.gguf() || q.tags().isEmpty() ? Long.valueOf(parameters) : Long.valueOf(parameters / 4), q.tags(),
                        q.library(), 100L + Math.floorMod(id.hashCode(), 5000), null, false);
                f.models.add(m);
                f.cases.add(new Case(m, b[0], Relation.QUANTIZED, q.label(), q.card().apply(b[0])));
            }
        }
        // Quantizations whose names say nothing of their origin: inference must leave them alone.
        for (String[] opaque : new String[][] {{"anon-q/my-quant-GGUF", "meta-llama/Llama-2-7b-chat-hf", "2023-10-02"},
                {"someone/chat-q4-GGUF", "mistralai/Mistral-7B-Instruct-v0.2", "2024-02-10"},
                {"x-lab/fast-model-4bit", "Qwen/Qwen2.5-7B-Instruct", "2024-11-01"}}) {
            ModelFacts m = new ModelFacts(opaque[0], List.of(), LocalDate.parse(opaque[2]).atStartOfDay().toInstant(ZoneOffset.UTC),
                    null, List.of(), "llama", null, List.of("gguf"), null, 50L, null, false);
            f.models.add(m);
            f.cases.add(new Case(m, opaque[1], Relation.QUANTIZED, "opaque name (constructed)", null));
        }
        return f;
    }

    List<Case> cases() {
        return List.copyOf(cases);
    }

    /** Every model as the graph or the Hub would offer it, with cards when {@code withCards}. */
    ModelUniverse universe(boolean withCards) {
        ModelUniverse universe = new ModelUniverse();
        models.forEach(universe::add);
        if (withCards) {
            cases.stream().filter(c -> c.card() != null).forEach(c -> universe.card(c.model().id(), c.card()));
        }
        return universe;
    }

    int models() {
        return models.size();
    }

    private static String ggufArchitecture(String modelType) {
        return switch (modelType) {
            case "mistral", "mixtral" -> "llama";
            default -> modelType;
        };
    }

    private static ModelFacts facts(String id, String day, String type, String parameters, String downloads, List<String> aliases,
            List<String> tags, String card, boolean catalogued) {
        return new ModelFacts(id, aliases.stream().filter(a -> !a.isBlank()).toList(),
                LocalDate.parse(day).atStartOfDay().toInstant(ZoneOffset.UTC), type, List.of(), null, Long.valueOf(parameters), tags,
                "transformers", Long.valueOf(downloads), card, catalogued);
    }

    private static List<String[]> rows(String file) {
        return Arrays.stream(resource(file).split("\n")).filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> Arrays.copyOf(l.split("\t", -1), 9)).map(r -> {
                    for (int i = 0; i < r.length; i++) {
                        r[i] = r[i] == null ? "" : r[i];
                    }
                    return r;
                }).toList();
    }

    private static String resource(String name) {
        try (InputStream in = PrecisionFixture.class.getResourceAsStream("/inference/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /inference/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
