package org.llmtracker.graph.lineage;

import static org.llmtracker.graph.model.Values.string;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.TransactionContext;

/**
 * The path between two models through their nearest common ancestor (or straight up, when one
 * descends from the other), read from the {@link Ancestry} index: each model's ancestors and,
 * for each of those, its own ancestors with the next model on the way ({@code via}). That is
 * how a family tree answers "how are these two related", and it never wanders through a
 * popular base model's other derivatives the way a search along links either way does.
 */
final class KinshipPath {

    private static final String UPWARDS = """
            UNWIND [$from, $to] AS start
            MATCH (s:Model {id: start})
            CALL (s) {
              RETURN s AS x
              UNION
              MATCH (s)-[:DESCENDS_FROM]->(x:Model)
              RETURN x
            }
            OPTIONAL MATCH (x)-[r:DESCENDS_FROM]->(a:Model)
            OPTIONAL CALL (x) {
              MATCH (x)-[l:DERIVED_FROM]->(p)
              RETURN {via: p.id, relation: coalesce(l.relation, 'UNKNOWN')} AS only
              LIMIT 1
            }
            RETURN x.id AS id, x.name AS name, a.id AS ancestor, r.depth AS depth,
                   coalesce(r.via, only.via) AS via, coalesce(r.relation, only.relation) AS relation
            """;

    private record Up(int depth, String via, String relation) {
    }

    private KinshipPath() {
    }

    /** Empty when either model is missing or they share no ancestor. */
    static Optional<LineagePath> find(TransactionContext tx, String from, String to) {
        Map<String, Map<String, Up>> up = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        tx.run(UPWARDS, Map.of("from", from, "to", to)).forEachRemaining(r -> {
            String id = r.get("id").asString();
            names.put(id, string(r.get("name")));
            Map<String, Up> ancestors = up.computeIfAbsent(id, k -> new HashMap<>());
            if (!r.get("ancestor").isNull()) {
                ancestors.put(r.get("ancestor").asString(),
                        new Up(r.get("depth").asInt(), r.get("via").asString(), r.get("relation").asString()));
            }
        });
        if (!up.containsKey(from) || !up.containsKey(to)) {
            return Optional.empty();
        }
        Map<String, Up> fromUp = up.get(from);
        Map<String, Up> toUp = up.get(to);
        String meet = null;
        int best = Integer.MAX_VALUE;
        if (toUp.containsKey(from)) {
            meet = from;
            best = toUp.get(from).depth();
        }
        if (fromUp.containsKey(to) && fromUp.get(to).depth() < best) {
            meet = to;
            best = fromUp.get(to).depth();
        }
        for (Map.Entry<String, Up> e : fromUp.entrySet()) {
            Up other = toUp.get(e.getKey());
            if (other == null) {
                continue;
            }
            int length = e.getValue().depth() + other.depth();
            if (length < best || (length == best && meet != null && e.getKey().compareTo(meet) < 0)) {
                meet = e.getKey();
                best = length;
            }
        }
        if (meet == null) {
            return Optional.empty();
        }
        List<LineagePath.Link> links = climb(up, from, meet);
        List<LineagePath.Link> down = climb(up, to, meet);
        Collections.reverse(down);
        links.addAll(down);
        List<LineagePath.Step> steps = new ArrayList<>();
        steps.add(new LineagePath.Step(from, names.get(from)));
        String at = from;
        for (LineagePath.Link link : links) {
            at = link.child().equals(at) ? link.parent() : link.child();
            steps.add(new LineagePath.Step(at, names.get(at)));
        }
        return Optional.of(new LineagePath(links.size(), steps, links));
    }

    /** The links from {@code start} up to {@code ancestor}, following each row's {@code via}. */
    private static List<LineagePath.Link> climb(Map<String, Map<String, Up>> up, String start, String ancestor) {
        List<LineagePath.Link> links = new ArrayList<>();
        for (String at = start; !at.equals(ancestor); ) {
            Up step = up.get(at).get(ancestor);
            links.add(new LineagePath.Link(at, step.via(), step.relation()));
            at = step.via();
        }
        return links;
    }
}
