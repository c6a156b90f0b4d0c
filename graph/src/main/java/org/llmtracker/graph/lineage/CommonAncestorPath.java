package org.llmtracker.graph.lineage;

import static org.llmtracker.graph.store.DriverValues.string;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.TransactionContext;
import org.llmtracker.graph.ancestry.Link;

/**
 * The path between two models through their nearest common ancestor (or straight up, when one
 * descends from the other): both models' lines, read in one query through the ancestry index,
 * are climbed here. That is how a family tree answers "how are these two related", and it
 * never wanders through a popular base model's other derivatives the way a search along links
 * either way does. Ties go to the ancestor, then the parents, with the smallest id.
 */
final class CommonAncestorPath {

    // Only what a path shows: every column read costs, and this answer should take a fraction of a millisecond.
    private static final String LINKS = AncestorLines.LINES + """
            RETURN x.id AS child, x.name AS childName, p.id AS parent, p.name AS name,
                   coalesce(d.relation, 'UNKNOWN') AS relation
            """;
    private static final String DECLARED_LINKS = AncestorLines.declaredLines(LINKS);

    private CommonAncestorPath() {
    }

    /** Empty when either model is missing or they share no ancestor; over declared links only when {@code declared}. */
    static Optional<LineagePath> find(TransactionContext tx, String from, String to, boolean declared) {
        Map<String, List<Link>> up = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        tx.run(declared ? DECLARED_LINKS : LINKS, Map.of("ids", List.of(from, to), "maxDepth", Integer.MAX_VALUE))
                .forEachRemaining(r -> {
                    String child = r.get("child").asString();
                    String parent = r.get("parent").asString();
                    names.put(child, string(r.get("childName")));
                    names.put(parent, string(r.get("name")));
                    up.computeIfAbsent(child, k -> new ArrayList<>())
                            .add(new Link(child, parent, r.get("relation").asString(), List.of()));
                });
        LineageQueries.Step upwards = AncestorLines.upwards(up);
        Map<String, Integer> fromUp = climb(upwards, names.keySet(), from);
        Map<String, Integer> toUp = climb(upwards, names.keySet(), to);
        String meet = null;
        for (Map.Entry<String, Integer> e : fromUp.entrySet()) {
            Integer other = toUp.get(e.getKey());
            if (other != null && (meet == null || e.getValue() + other < fromUp.get(meet) + toUp.get(meet)
                    || (e.getValue() + other == fromUp.get(meet) + toUp.get(meet) && e.getKey().compareTo(meet) < 0))) {
                meet = e.getKey();
            }
        }
        if (meet == null) {
            return Optional.empty();
        }
        List<LineagePath.Link> links = line(up, upwards, names.keySet(), from, meet);
        List<LineagePath.Link> down = line(up, upwards, names.keySet(), to, meet);
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

    /** Distances upwards from {@code start}, itself at 0; empty when the lines read do not show it. */
    private static Map<String, Integer> climb(LineageQueries.Step upwards, Set<String> known, String start) {
        Map<String, Integer> distance = new HashMap<>();
        if (known.contains(start)) {
            distance.put(start, 0);
            LineageQueries.walk(upwards, start, Integer.MAX_VALUE, Integer.MAX_VALUE).hops()
                    .forEach((id, hop) -> distance.put(id, hop.depth));
        }
        return distance;
    }

    /** The links from {@code start} up to {@code ancestor} along a shortest line, smallest parent id first. */
    private static List<LineagePath.Link> line(Map<String, List<Link>> up, LineageQueries.Step upwards,
            Set<String> known, String start, String ancestor) {
        Map<String, Integer> toAncestor = new HashMap<>();
        for (String node : climb(upwards, known, start).keySet()) {
            Integer d = climb(upwards, known, node).get(ancestor);
            if (d != null) {
                toAncestor.put(node, d);
            }
        }
        List<LineagePath.Link> links = new ArrayList<>();
        for (String at = start; !at.equals(ancestor); ) {
            int remaining = toAncestor.get(at);
            Link next = up.get(at).stream()
                    .filter(l -> Integer.valueOf(remaining - 1).equals(toAncestor.get(l.to())))
                    .min(Comparator.comparing(Link::to)).orElseThrow();
            links.add(new LineagePath.Link(at, next.to(), next.relation()));
            at = next.to();
        }
        return links;
    }
}
