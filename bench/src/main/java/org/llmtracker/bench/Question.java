package org.llmtracker.bench;

import java.util.List;
import java.util.function.Function;

import org.llmtracker.graph.model.Relation;

/** One lineage question the benchmark times on every store, about the generated graph's landmarks. */
public record Question(String title, Function<LineageStore, Answer> ask) {

    public static final int TOP = 100;

    public static List<Question> about(LineageData.Landmarks at) {
        return List.of(
                new Question("descendant count of the biggest family", s -> s.descendantCount(at.biggestRoot())),
                new Question("its QUANTIZED descendants (total + top 100)",
                        s -> s.descendantsByRelation(at.biggestRoot(), Relation.QUANTIZED, TOP)),
                new Question("its top 100 descendants by downloads", s -> s.topDescendants(at.biggestRoot(), TOP)),
                new Question("ancestors of a deepest leaf (depth " + at.leafDepth() + ")", s -> s.ancestors(at.deepestLeaf())),
                new Question("shortest path between two cousins", s -> s.pathLength(at.pathFrom(), at.pathTo())),
                new Question("tree two levels below the root", s -> s.tree(at.biggestRoot(), 2)));
    }
}
