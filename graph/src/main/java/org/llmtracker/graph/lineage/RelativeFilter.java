package org.llmtracker.graph.lineage;

import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;

/**
 * Which relatives to keep.
 *
 * @param relation     keep only those linked by this relation (null: any)
 * @param stage        keep only those whose link names this training stage (null: any)
 * @param maxDepth     how many generations to walk, at least 1
 * @param minDownloads keep only those with at least this many downloads (null: any)
 * @param declaredOnly follow declared links only ({@code evidence=declared}): inferred links, and what
 *                     only they join, are left out, and depths count declared links
 */
public record RelativeFilter(Relation relation, Stage stage, int maxDepth, Long minDownloads, boolean declaredOnly) {

    public RelativeFilter {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, got " + maxDepth);
        }
    }

    /** Every link, declared or inferred. */
    public RelativeFilter(Relation relation, Stage stage, int maxDepth, Long minDownloads) {
        this(relation, stage, maxDepth, minDownloads, false);
    }

    /** The same filter, following declared links only or every link. */
    public RelativeFilter declared(boolean only) {
        return new RelativeFilter(relation, stage, maxDepth, minDownloads, only);
    }

    public static RelativeFilter depth(int maxDepth) {
        return new RelativeFilter(null, null, maxDepth, null);
    }

    boolean keeps(Relative kin) {
        return (relation == null || kin.relations().contains(relation.name()))
                && (stage == null || kin.stages().contains(stage.name()))
                && (minDownloads == null || (kin.downloads() != null && kin.downloads() >= minDownloads));
    }
}
