package org.llmtracker.graph.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.TransactionContext;

/**
 * The derivation tree of a model and of its later versions: each later version hangs below
 * the version it succeeds, as a child with relation {@code NEW_VERSION_OF}, and carries its own
 * derivation tree, {@code depth} generations deep like the first (version links do not count
 * as generations). The node limit is shared; each model appears once.
 */
final class GenerationTree {

    private GenerationTree() {
    }

    static Optional<LineageQueries.Tree> tree(TransactionContext tx, String id, int depth, int maxNodes, boolean declared) {
        Optional<LineageQueries.Tree> first = TreeWalk.tree(tx, id, depth, maxNodes, Set.of(), declared);
        if (first.isEmpty()) {
            return first;
        }
        Set<String> shown = new HashSet<>();
        collect(first.get().root(), shown);
        Map<String, TreeNode> trees = new HashMap<>();
        trees.put(id, first.get().root());
        Map<String, List<String>> newer = new HashMap<>();
        int nodes = first.get().nodes();
        boolean truncated = first.get().truncated();
        for (Relative version : Generations.later(tx, id)) {
            if (shown.contains(version.id())) {
                continue;
            }
            if (nodes >= maxNodes) {
                truncated = true;
                break;
            }
            LineageQueries.Tree tree = TreeWalk.tree(tx, version.id(), depth, maxNodes - nodes, shown, declared).orElseThrow();
            collect(tree.root(), shown);
            trees.put(version.id(), tree.root());
            // The version it succeeds may be shown as a derivative elsewhere (dirty data): then under the root.
            String older = trees.containsKey(version.via()) ? version.via() : id;
            newer.computeIfAbsent(older, k -> new ArrayList<>()).add(version.id());
            nodes += tree.nodes();
            truncated |= tree.truncated();
        }
        return Optional.of(new LineageQueries.Tree(assemble(id, null, trees, newer), nodes, truncated));
    }

    /** A version's tree with the trees of the versions that succeed it first among its children. */
    private static TreeNode assemble(String id, String relation, Map<String, TreeNode> trees, Map<String, List<String>> newer) {
        TreeNode root = trees.get(id);
        List<TreeNode> children = new ArrayList<>();
        for (String version : newer.getOrDefault(id, List.of())) {
            children.add(assemble(version, Relative.NEW_VERSION, trees, newer));
        }
        children.addAll(root.children());
        return new TreeNode(root.id(), root.name(), relation == null ? root.relation() : relation, root.stages(),
                root.downloads(), root.childCount(), List.copyOf(children));
    }

    private static void collect(TreeNode node, Set<String> ids) {
        ids.add(node.id());
        node.children().forEach(child -> collect(child, ids));
    }
}
