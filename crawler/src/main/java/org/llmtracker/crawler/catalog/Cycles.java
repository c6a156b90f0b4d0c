package org.llmtracker.crawler.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds cycles in base-model edges, so a catalogue never feeds a loop into the lineage graph. */
final class Cycles {

    private static final int IN_PROGRESS = 1;
    private static final int DONE = 2;

    private final Map<String, List<String>> parents;
    private final Map<String, Integer> state = new HashMap<>();
    private final Deque<String> path = new ArrayDeque<>();
    private final Set<List<String>> found = new LinkedHashSet<>();

    private Cycles(Map<String, List<String>> parents) {
        this.parents = parents;
    }

    /**
     * At least one cycle through every cyclic part of the graph, each as a closed path that starts
     * and ends at its smallest id ({@code [a, b, a]}), in a stable order.
     */
    static List<List<String>> find(Map<String, List<String>> parents) {
        Cycles cycles = new Cycles(parents);
        for (String node : parents.keySet()) {
            if (!cycles.state.containsKey(node)) {
                cycles.visit(node);
            }
        }
        return List.copyOf(cycles.found);
    }

    // Recursive: lineage chains are short (tens of models), far from the stack limit.
    private void visit(String node) {
        state.put(node, IN_PROGRESS);
        path.addLast(node);
        for (String parent : parents.getOrDefault(node, List.of())) {
            Integer seen = state.get(parent);
            if (seen == null) {
                visit(parent);
            } else if (seen == IN_PROGRESS) {
                found.add(closedPath(parent));
            }
        }
        path.removeLast();
        state.put(node, DONE);
    }

    private List<String> closedPath(String start) {
        List<String> cycle = new ArrayList<>();
        boolean inCycle = false;
        for (String node : path) {
            inCycle |= node.equals(start);
            if (inCycle) {
                cycle.add(node);
            }
        }
        Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
        cycle.add(cycle.get(0));
        return cycle;
    }
}
