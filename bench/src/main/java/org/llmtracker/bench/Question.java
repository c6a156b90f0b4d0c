package org.llmtracker.bench;

import java.util.List;
import java.util.function.Function;

import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;

/** One lineage question the benchmark times on every store, about the generated graph's landmarks. */
public record Question(String title, Function<LineageStore, Answer> ask) {

    public static final int TOP = 100;

    /** What the API serves by default: a page of 50, a tree 3 generations deep of at most 500 models. */
    public static final int PAGE = 50;
    public static final int TREE_DEPTH = 3;
    public static final int TREE_NODES = 500;

    public static List<Question> about(LineageData.Landmarks at) {
        return List.of(
                new Question("descendant count of the biggest family", s -> s.descendantCount(at.biggestRoot())),
                new Question("its QUANTIZED descendants (total + top 100)",
                        s -> s.descendantsByRelation(at.biggestRoot(), Relation.QUANTIZED, TOP)),
                new Question("its SFT descendants (total + top 100)",
                        s -> s.descendantsByStage(at.biggestRoot(), Stage.SFT, TOP)),
                new Question("its top 100 descendants by downloads", s -> s.topDescendants(at.biggestRoot(), TOP)),
                new Question("ancestors of a deepest leaf (depth " + at.leafDepth() + ")", s -> s.ancestors(at.deepestLeaf())),
                new Question("shortest path between two cousins", s -> s.pathLength(at.pathFrom(), at.pathTo())),
                new Question("tree as the API serves it (3 levels, at most 500 models)",
                        s -> s.tree(at.biggestRoot(), TREE_DEPTH, TREE_NODES)),
                new Question("tree two levels below the root (uncapped)", s -> s.tree(at.biggestRoot(), 2, Integer.MAX_VALUE)),
                new Question("families, first page (top 50 by descendants)", s -> s.families(PAGE)));
    }
}
