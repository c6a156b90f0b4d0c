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
 * The two parts of a model page that read every link of the model: its children by relation and
 * the conflicts around it. A family root's page is the most visited and the costliest: at 1M
 * models the biggest root has 15,146 children, whose reading was most of its page's 80-100 ms and
 * a fifth of the CPU under the load test's 32 clients. So for a model with more than {@value #BUSY}
 * children the parts are kept for {@link #FRESH_FOR}, then read again off the request: its page may
 * show them as they were that long ago, plus the wait for that read. A model with fewer is read at
 * every visit.
 */
@Component
class BusyModelParts {

    /** Above this many children a model's parts are kept (as {@code LineageConflicts} reads the sets above it). */
    static final long BUSY = 1_000;
    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    /** Only a store with very many big families reaches it; it keeps such a store from growing the heap. */
    private static final int MAX_KEPT = 10_000;

    record Parts(Map<String, Page<Relative>> children, List<Conflict> conflicts) {

        boolean busy() {
            return children.values().stream().mapToLong(Page::total).sum() > BUSY;
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
        return new Parts(lineage.childrenByRelation(id, ModelPageController.CHILDREN_NAMED), conflicts.involving(id));
    }
}
