package org.llmtracker.api.site;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.llmtracker.api.web.KeptAnswers;
import org.llmtracker.api.web.Rereads;
import org.llmtracker.graph.lineage.Conflict;
import org.llmtracker.graph.lineage.LineageConflicts;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.lineage.Relative;
import org.llmtracker.graph.model.Page;
import org.springframework.stereotype.Component;

/**
 * The parts of a model page that read a model's whole neighbourhood: its children by relation, the
 * conflicts around it, and the descendants table's first view. A family root's page is the most
 * visited and the costliest: at 1M models the biggest root has 15,146 children, whose reading was
 * most of its page's 80-100 ms and a fifth of the CPU under the load test's 32 clients; on the 4M
 * store the biggest family's 7,352 descendants are ordered whole for the table's first page (about
 * 40 ms of its page's 54). So for a model with more than {@value #BUSY} children or descendants the
 * parts are kept for {@link #FRESH_FOR}, then read again off the request: its page may show them
 * as they were that long ago, plus the wait for that read. A model with fewer is read at every
 * visit.
 */
@Component
class BusyModelParts {

    /** Above this many children or descendants a model's parts are kept (as {@code LineageConflicts} reads the sets above that many children). */
    static final long BUSY = 1_000;
    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    /** Only a store with very many big families reaches it; it keeps such a store from growing the heap. */
    private static final int MAX_KEPT = 10_000;

    /** @param firstView the descendants table's rows as a visitor first sees them ({@link DescendantsTable#firstView}) */
    record Parts(Map<String, Page<Relative>> children, List<Conflict> conflicts, Page<Relative> firstView) {

        boolean busy() {
            return children.values().stream().mapToLong(Page::total).sum() > BUSY || firstView.total() > BUSY;
        }
    }

    private final LineageQueries lineage;
    private final LineageConflicts conflicts;
    private final KeptAnswers<String, Parts> kept;

    BusyModelParts(LineageQueries lineage, LineageConflicts conflicts, Clock clock, Rereads rereads) {
        this.lineage = lineage;
        this.conflicts = conflicts;
        this.kept = new KeptAnswers<>(clock, FRESH_FOR, MAX_KEPT, Parts::busy, rereads::submit);
    }

    Parts of(String id) {
        return kept.get(id, this::read);
    }

    private Parts read(String id) {
        return new Parts(lineage.childrenByRelation(id, ModelPageController.CHILDREN_NAMED), conflicts.involving(id),
                DescendantsTable.firstView(lineage, id));
    }
}
