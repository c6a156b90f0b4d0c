package org.llmtracker.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;

/** Holds the ancestry index to a breadth-first walk over the links as they stand. */
final class IndexCheck {

    private IndexCheck() {
    }

    static void assertIndexAgreesWithTheLinks(Graph graph, List<String> ids) {
        Map<String, List<LineageQueries.Link>> childrenOf = new HashMap<>();
        graph.read(tx -> tx.run("""
                MATCH (c:Model)-[d:DERIVED_FROM]->(p:Model)
                RETURN c.id AS child, p.id AS parent, coalesce(d.relation, 'UNKNOWN') AS relation,
                       coalesce(d.stages, []) AS stages
                """).list()).forEach(r -> childrenOf.computeIfAbsent(r.get("parent").asString(), k -> new ArrayList<>())
                .add(new LineageQueries.Link(r.get("parent").asString(), r.get("child").asString(),
                        r.get("relation").asString(), r.get("stages").asList(v -> v.asString()))));
        childrenOf.values().forEach(links -> links.sort(Comparator.comparing(LineageQueries.Link::to)));
        LineageQueries queries = new LineageQueries(graph);
        for (String id : ids) {
            LineageQueries.Walk walk = LineageQueries.walk(frontier -> frontier.stream().sorted()
                    .flatMap(from -> childrenOf.getOrDefault(from, List.of()).stream()).toList(), id, 20, Integer.MAX_VALUE);
            Map<String, String> expected = new HashMap<>();
            walk.hops().forEach((kin, hop) -> expected.put(kin, hop.depth + " via " + hop.via + " " + hop.relation
                    + " " + hop.relations + " " + hop.stages));
            Map<String, String> actual = new HashMap<>();
            queries.descendants(id, RelativeFilter.depth(20), 0, 200).items().forEach(k -> actual.put(k.id(),
                    k.depth() + " via " + k.via() + " " + k.relation() + " " + k.relations() + " " + k.stages()));
            assertThat(actual).as("descendants of %s", id).isEqualTo(expected);
            long quantized = walk.hops().values().stream().filter(h -> h.relations.contains("QUANTIZED")).count();
            assertThat(queries.descendants(id, new RelativeFilter(Relation.QUANTIZED, null, 20, null), 0, 1).total())
                    .as("quantized descendants of %s", id).isEqualTo(quantized);
        }
    }

}
