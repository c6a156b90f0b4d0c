package org.llmtracker.graph.digest;

import static org.llmtracker.graph.store.DriverValues.number;
import static org.llmtracker.graph.store.DriverValues.string;
import static org.llmtracker.graph.store.DriverValues.strings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.llmtracker.graph.digest.Digest.Derivative;
import org.llmtracker.graph.digest.Digest.DerivativeGroup;
import org.llmtracker.graph.digest.Digest.FamilyGrowth;
import org.llmtracker.graph.digest.Digest.NewModel;
import org.llmtracker.graph.digest.Digest.WeekCounts;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;

/**
 * The week's new models and the family news they make, from the ancestry index: one read of the
 * models first seen in the week (a range seek on {@code firstSeenAt}), each with its own links and
 * its {@code DESCENDS_FROM} rows (heads and catalogued ancestors at any depth: a degree-bounded
 * expansion, never a variable-length walk), then one read that maps heads to the oldest generation
 * of their line. Everything else is counting, here.
 */
final class WeekNews {

    static final String NEW_VERSION = "NEW_VERSION";

    private static final String NEW_MODELS = """
            MATCH (m:Model) WHERE m.firstSeenAt >= $from AND m.firstSeenAt < $to
            RETURN m.id AS id, coalesce(m.name, m.id) AS name, coalesce(m.catalogued, false) AS catalogued,
                   m.downloads AS downloads, m.likes AS likes,
                   [(m)-[l:DERIVED_FROM]->(p) WHERE p <> m | coalesce(l.relation, 'UNKNOWN')] AS relations,
                   [(m)-[:NEW_VERSION_OF]->(o) WHERE o <> m | o.id] AS versionOf,
                   [(m)-[:DESCENDS_FROM]->(a) WHERE a <> m AND NOT EXISTS { (a)-[:DERIVED_FROM]->() } | a.id] AS heads,
                   [(m)-[:DESCENDS_FROM]->(a) WHERE a <> m AND a.catalogued | a.id] AS cataloguedAncestors
            """;

    // Versions are few (a handful per line): each head with a NEW_VERSION_OF link is followed to its oldest.
    private static final String LINE_HEADS = """
            UNWIND $ids AS id
            MATCH (h:Model {id: id}) WHERE EXISTS { (h)-[:NEW_VERSION_OF]->() }
            MATCH p = (h)-[:NEW_VERSION_OF*1..64]->(o:Model) WHERE NOT EXISTS { (o)-[:NEW_VERSION_OF]->() } AND o <> h
            WITH id, o, length(p) AS steps ORDER BY steps DESC, o.id
            RETURN id, head(collect(o.id)) AS line
            """;

    private static final String NAMES = """
            UNWIND $ids AS id
            MATCH (m:Model {id: id})
            RETURN m.id AS id, coalesce(m.name, m.id) AS name, coalesce(m.catalogued, false) AS catalogued, m.downloads AS downloads
            """;

    /** Most downloaded first, then most liked, then id: the order of every list of new models. */
    static final Comparator<NewModel> BY_DOWNLOADS = Comparator
            .comparing((NewModel m) -> m.downloads() == null ? -1L : m.downloads(), Comparator.reverseOrder())
            .thenComparing(m -> m.likes() == null ? -1L : m.likes(), Comparator.reverseOrder())
            .thenComparing(NewModel::id);

    /** The whole week, unbounded: the digest keeps the first items of each list, the paged routes page them. */
    record Lists(List<NewModel> newModels, List<NewModel> newFamilies, List<FamilyGrowth> families,
            List<DerivativeGroup> derivatives, WeekCounts counts) {
    }

    private record Row(String id, String name, boolean catalogued, Long downloads, Long likes, String relation,
            List<String> versionOf, List<String> heads, List<String> cataloguedAncestors) {
    }

    private final Graph graph;
    private final int topPerGroup;

    WeekNews(Graph graph, int topPerGroup) {
        this.graph = graph;
        this.topPerGroup = topPerGroup;
    }

    Lists read(Map<String, Object> window) {
        List<Row> rows = graph.read(tx -> tx.run(NEW_MODELS, window).list(WeekNews::row));
        Set<String> heads = new TreeSet<>();
        rows.forEach(r -> {
            heads.addAll(r.heads());
            if (NEW_VERSION.equals(r.relation())) {
                heads.add(r.id());
            }
        });
        Map<String, String> line = new HashMap<>();
        graph.read(tx -> tx.run(LINE_HEADS, Map.of("ids", List.copyOf(heads))).list())
                .forEach(r -> line.put(r.get("id").asString(), r.get("line").asString()));

        List<NewModel> all = new ArrayList<>(rows.size());
        Map<String, List<NewModel>> byLine = new HashMap<>();
        Map<String, Set<String>> generations = new HashMap<>();
        Map<List<String>, List<NewModel>> byCatalogued = new HashMap<>();
        long roots = 0, versions = 0, placed = 0, unplaced = 0;
        Map<String, Long> byRelation = new TreeMap<>();
        for (Row r : rows) {
            Set<String> lines = new LinkedHashSet<>();
            for (String h : r.relation() == null ? List.<String>of()
                    : NEW_VERSION.equals(r.relation()) ? List.of(r.id()) : r.heads()) {
                String lineHead = line.getOrDefault(h, h);
                lines.add(lineHead);
                if (!lineHead.equals(h)) {
                    generations.computeIfAbsent(lineHead, k -> new TreeSet<>()).add(h);
                }
            }
            if (NEW_VERSION.equals(r.relation())) {
                lines.remove(r.id());
            }
            String family = lines.stream().sorted().findFirst().orElse(null);
            NewModel model = new NewModel(r.id(), r.name(), r.catalogued(), r.relation(), family, null, r.downloads(), r.likes());
            all.add(model);
            lines.forEach(l -> byLine.computeIfAbsent(l, k -> new ArrayList<>()).add(model));
            for (String base : r.cataloguedAncestors()) {
                byCatalogued.computeIfAbsent(List.of(base, r.relation() == null ? "UNKNOWN" : r.relation()),
                        k -> new ArrayList<>()).add(model);
            }
            if (r.relation() == null) {
                roots++;
            } else {
                byRelation.merge(r.relation(), 1L, Long::sum);
                if (NEW_VERSION.equals(r.relation())) {
                    versions++;
                } else if (r.heads().isEmpty()) {
                    unplaced++;
                } else {
                    placed++;
                }
            }
        }
        Set<String> named = new TreeSet<>(byLine.keySet());
        byCatalogued.keySet().forEach(k -> named.add(k.get(0)));
        Map<String, Record> names = new HashMap<>();
        graph.read(tx -> tx.run(NAMES, Map.of("ids", List.copyOf(named))).list())
                .forEach(r -> names.put(r.get("id").asString(), r));

        all.sort(BY_DOWNLOADS);
        List<NewModel> withFamilyNames = all.stream().map(m -> m.family() == null ? m : new NewModel(m.id(), m.name(),
                m.catalogued(), m.relation(), m.family(), name(names, m.family()), m.downloads(), m.likes())).toList();
        return new Lists(withFamilyNames, withFamilyNames.stream().filter(m -> m.relation() == null).toList(),
                families(byLine, generations, names), derivatives(byCatalogued, names),
                new WeekCounts(rows.size(), roots, versions, placed, unplaced, byRelation));
    }

    private List<FamilyGrowth> families(Map<String, List<NewModel>> byLine, Map<String, Set<String>> generations,
            Map<String, Record> names) {
        List<FamilyGrowth> families = new ArrayList<>();
        byLine.forEach((head, models) -> {
            Map<String, Long> relations = new TreeMap<>();
            models.forEach(m -> relations.merge(m.relation(), 1L, Long::sum));
            Record facts = names.get(head);
            families.add(new FamilyGrowth(head, name(names, head), facts != null && facts.get("catalogued").asBoolean(),
                    models.size(), relations, List.copyOf(generations.getOrDefault(head, Set.of())),
                    models.stream().sorted(BY_DOWNLOADS).limit(topPerGroup).toList()));
        });
        // Most new descendants first; a tie goes to the more downloaded head.
        families.sort(Comparator.comparingLong(FamilyGrowth::newDescendants).reversed()
                .thenComparing(f -> downloads(names, f.id()), Comparator.reverseOrder())
                .thenComparing(FamilyGrowth::id));
        return families;
    }

    private List<DerivativeGroup> derivatives(Map<List<String>, List<NewModel>> byCatalogued, Map<String, Record> names) {
        List<DerivativeGroup> groups = new ArrayList<>();
        byCatalogued.forEach((key, models) -> groups.add(new DerivativeGroup(key.get(0), name(names, key.get(0)), key.get(1),
                models.size(), models.stream().sorted(BY_DOWNLOADS).limit(topPerGroup)
                        .map(m -> new Derivative(m.id(), m.name(), m.downloads())).toList())));
        groups.sort(Comparator.comparingInt(DerivativeGroup::count).reversed().thenComparing(DerivativeGroup::base)
                .thenComparing(DerivativeGroup::relation));
        return groups;
    }

    private static String name(Map<String, Record> names, String id) {
        Record r = names.get(id);
        return r == null ? id : r.get("name").asString();
    }

    private static long downloads(Map<String, Record> names, String id) {
        Record r = names.get(id);
        Long n = r == null ? null : number(r.get("downloads"));
        return n == null ? -1 : n;
    }

    private static Row row(Record r) {
        List<String> relations = strings(r.get("relations"));
        List<String> versionOf = strings(r.get("versionOf"));
        return new Row(r.get("id").asString(), string(r.get("name")), r.get("catalogued").asBoolean(),
                number(r.get("downloads")), number(r.get("likes")), relation(relations, versionOf), versionOf,
                strings(r.get("heads")), strings(r.get("cataloguedAncestors")));
    }

    /** Several parents make a merge (as the Hub counts them); a later generation is a new version; no link, a new base. */
    static String relation(List<String> relations, List<String> versionOf) {
        if (relations.size() > 1) {
            return "MERGE";
        }
        if (relations.size() == 1) {
            return relations.get(0);
        }
        return versionOf.isEmpty() ? null : NEW_VERSION;
    }

}
