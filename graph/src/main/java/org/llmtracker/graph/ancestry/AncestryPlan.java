package org.llmtracker.graph.ancestry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The ancestry index's rows for a set of models, computed from their links alone: no store, no
 * transaction. The set ({@link #include}) is recomputed exactly, breadth-first over the links
 * inside it; a parent outside the set contributes its own stored rows ({@link #above}) as they
 * are, which is exact because a path that leaves the set never comes back (a model outside is no
 * descendant of one inside).
 *
 * <p>Besides the shortest distance, a row says how declared links alone reach the ancestor, so
 * {@code evidence=declared} reads filter the same index: {@link AncestorRow#declaredDepth} is
 * null when only a path through an inferred link does, and longer than the depth when the
 * shortest path has an inferred link on it.
 */
public final class AncestryPlan {

    private final Set<String> inside = new LinkedHashSet<>();
    private final Map<String, List<Link>> parents = new HashMap<>();
    /** Inferred links, as "child>parent". */
    private final Set<String> inferred = new HashSet<>();
    private final Map<String, Map<String, Integer>> stored = new HashMap<>();
    /** Per parent outside the set: its ancestors' declared-only depths (absent: none reaches them). */
    private final Map<String, Map<String, Integer>> storedDeclared = new HashMap<>();
    /** Whether a stored row of a parent outside the set has an inferred link on its shortest way. */
    private boolean inferredAbove;

    /** One row: {@code depth} from the model to {@code ancestor}, and the model's links on a shortest way there. */
    public record AncestorRow(String ancestor, int depth, String via, String relation, List<String> relations,
            List<String> stages, Integer declaredDepth) {
    }

    /**
     * A recomputed model's rows; {@code only} is its one link when it has one (its rows then leave
     * relation and stages to that link), null for a merge.
     */
    public record ModelRows(String id, Link only, List<AncestorRow> rows) {
    }

    /** Adds a model to the recomputed set. */
    public AncestryPlan include(String id) {
        inside.add(id);
        return this;
    }

    public boolean includes(String id) {
        return inside.contains(id);
    }

    public Set<String> included() {
        return inside;
    }

    /** Keeps only the models of the set that exist (a recompute asked for an id no model has). */
    void retain(Collection<String> existing) {
        inside.retainAll(existing);
    }

    /** A link from a model of the set ({@code from}) to its parent ({@code to}); {@code inferredLink}: only inference asserts it. */
    public AncestryPlan link(Link link, boolean inferredLink) {
        parents.computeIfAbsent(link.from(), k -> new ArrayList<>()).add(link);
        if (inferredLink) {
            inferred.add(link.from() + ">" + link.to());
        }
        return this;
    }

    /** A model of the set with no link (its links were all removed): it has no rows. */
    public AncestryPlan noLinks(String id) {
        parents.putIfAbsent(id, new ArrayList<>());
        return this;
    }

    /**
     * The stored rows of a parent outside the set: ancestor to depth, and ancestor to the depth by
     * declared links alone (an ancestor missing there is reached only through an inferred link).
     */
    public AncestryPlan above(String parent, Map<String, Integer> depths, Map<String, Integer> declaredDepths) {
        stored.put(parent, depths);
        storedDeclared.put(parent, declaredDepths);
        depths.forEach((ancestor, depth) -> inferredAbove |= !depth.equals(declaredDepths.get(ancestor)));
        return this;
    }

    /** The new rows of every model of the set that has an ancestor, in the set's order. */
    public List<ModelRows> rows() {
        List<ModelRows> all = new ArrayList<>();
        eachModelRows(all::add);
        return all;
    }

    /**
     * {@link #rows()} one model at a time, none kept: a first fill's million models and their
     * millions of rows took over a gigabyte of heap when held at once. A merge's rows read its
     * parents' distances, computed for it alone.
     */
    public void eachModelRows(Consumer<ModelRows> action) {
        // Without inferred links on the way, the declared-only paths are the paths: nothing more to compute.
        boolean declaredDiffers = !inferred.isEmpty() || inferredAbove;
        Map<String, List<Link>> declaredParents = declaredDiffers ? declaredOnly() : null;
        for (String id : inside) {
            Map<String, Integer> up = distances(id, parents, stored);
            if (up.isEmpty()) {
                continue;
            }
            Map<String, Integer> byDeclared = declaredDiffers ? distances(id, declaredParents, storedDeclared) : null;
            List<Link> links = parents.get(id);
            Link only = links.size() == 1 ? links.get(0) : null;
            List<String> onlyRelation = only == null ? null : List.of(only.relation());
            Map<String, Map<String, Integer>> parentsUp = new HashMap<>();
            if (only == null) {
                links.forEach(l -> parentsUp.computeIfAbsent(l.to(),
                        p -> inside.contains(p) ? distances(p) : stored.getOrDefault(p, Map.of())));
            }
            List<AncestorRow> rows = new ArrayList<>(up.size());
            up.forEach((ancestor, depth) -> {
                Integer declared = byDeclared == null ? depth : byDeclared.get(ancestor);
                rows.add(only != null
                        ? new AncestorRow(ancestor, depth, only.to(), only.relation(), onlyRelation, only.stages(),
                                declared)
                        : merged(ancestor, depth, links, parentsUp, declared));
            });
            action.accept(new ModelRows(id, only, rows));
        }
    }

    /** Shortest distances from {@code start} to its ancestors (itself excluded, even in a cycle). */
    public Map<String, Integer> distances(String start) {
        return distances(start, parents, stored);
    }

    private Map<String, Integer> distances(String start, Map<String, List<Link>> links,
            Map<String, Map<String, Integer>> above) {
        Map<String, Integer> best = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        seen.put(start, 0);
        queue.add(start);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            int depth = seen.get(node);
            for (Link link : links.getOrDefault(node, List.of())) {
                String parent = link.to();
                if (inside.contains(parent)) {
                    if (!seen.containsKey(parent)) {
                        seen.put(parent, depth + 1);
                        best.put(parent, depth + 1);
                        queue.add(parent);
                    }
                } else {
                    best.merge(parent, depth + 1, Math::min);
                    above.getOrDefault(parent, Map.of())
                            .forEach((ancestor, k) -> best.merge(ancestor, depth + 1 + k, Math::min));
                }
            }
        }
        best.remove(start);
        return best;
    }

    /** A merge's row: its links whose parent lies one generation closer to the ancestor (the smallest id is {@code via}). */
    private static AncestorRow merged(String ancestor, int depth, List<Link> links,
            Map<String, Map<String, Integer>> parentsUp, Integer declared) {
        String via = null;
        String relation = null;
        TreeSet<String> relations = new TreeSet<>();
        TreeSet<String> stages = new TreeSet<>();
        for (Link link : links) {
            String p = link.to();
            Integer d = p.equals(ancestor) ? Integer.valueOf(0)
                    : parentsUp.get(p).get(ancestor);
            if (d == null || d != depth - 1) {
                continue;
            }
            if (via == null || p.compareTo(via) < 0) {
                via = p;
                relation = link.relation();
            }
            relations.add(link.relation());
            stages.addAll(link.stages());
        }
        if (via == null) {
            throw new IllegalStateException("No link of depth " + depth + " towards " + ancestor);
        }
        return new AncestorRow(ancestor, depth, via, relation, List.copyOf(relations), List.copyOf(stages), declared);
    }

    /** The links of the set without the inferred ones. */
    private Map<String, List<Link>> declaredOnly() {
        Map<String, List<Link>> declared = new HashMap<>();
        parents.forEach((child, links) -> declared.put(child,
                links.stream().filter(l -> !inferred.contains(child + ">" + l.to())).toList()));
        return declared;
    }
}
