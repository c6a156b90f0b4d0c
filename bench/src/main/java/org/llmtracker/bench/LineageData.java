package org.llmtracker.bench;

import java.util.List;

import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;

/**
 * A generated lineage graph, held in arrays so a million models fit a modest heap. Model
 * {@code i} has id {@code ids[i]}; edge {@code e} says {@code edgeChild[e]} derives from
 * {@code edgeParent[e]} by {@code edgeRelation[e]}, naming the training stages {@code edgeStages.get(e)}.
 *
 * @param families how many families (connected lineages, singletons included) the models form
 */
public record LineageData(String[] ids, String[] organisations, long[] downloads, int[] edgeChild,
        int[] edgeParent, Relation[] edgeRelation, List<List<Stage>> edgeStages, int families, Landmarks landmarks) {

    public int models() {
        return ids.length;
    }

    public int edges() {
        return edgeChild.length;
    }

    /**
     * The models the questions ask about.
     *
     * @param biggestRoot the root of the biggest family
     * @param familySize  how many models that family holds, its root included
     * @param deepestLeaf a leaf of that family at the greatest depth
     * @param pathFrom    one end of the path question (the deepest leaf)
     * @param pathTo      the other end: a cousin of {@code pathFrom}, joined only through their shared ancestors
     */
    public record Landmarks(String biggestRoot, int familySize, String deepestLeaf, int leafDepth, String pathFrom,
            String pathTo) {
    }
}
