package org.llmtracker.graph.lineage;

import java.util.List;

/**
 * One model in a lineage tree. A model reachable along several paths appears once, under
 * the parent that reaches it first, so cycles and merges cannot repeat a subtree.
 *
 * @param childCount how many direct derivatives the model has in the graph, shown or not
 */
public record TreeNode(String id, String name, String relation, List<String> stages, Long downloads,
        long childCount, List<TreeNode> children) {
}
