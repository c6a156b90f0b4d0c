package org.llmtracker.api.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.llmtracker.graph.lineage.Conflict;
import org.llmtracker.graph.lineage.LineageConflicts;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.lineage.Relative;
import org.llmtracker.graph.model.Page;
import org.springframework.stereotype.Component;

/**
 * The two parts of a model page that read every link of the model: its children by relation and
 * the conflicts around it. A family root's page is the most visited and the costliest: at 1M
 * models the biggest root has 15,146 children, whose reading was most of its page's 80 ms and a
 * fifth of the CPU under the load test's 32 clients. So for a model with more than {@value #BUSY}
 * children the parts are kept for {@link #FRESH_FOR} and read again after that: its page may show
 * them as they were up to that long ago. A model with fewer is read on every visit, as before.
 */
@Component
class BusyModelParts {

    /** Above this many children a model's parts are kept (as {@code LineageConflicts} reads the sets above it). */
    static final long BUSY = 1_000;
    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    /** The Hub has a few hundred models this busy; the bound only keeps a store of many roots from growing the heap. */
    private static final int MAX_KEPT = 10_000;

    record Parts(Map<String, Page<Relative>> children, List<Conflict> conflicts, Instant readAt) {

        long childCount() {
            return children.values().stream().mapToLong(Page::total).sum();
        }
    }

    private final LineageQueries lineage;
    private final LineageConflicts conflicts;
    private final Clock clock;
    private final Map<String, Parts> kept = new ConcurrentHashMap<>();

    BusyModelParts(LineageQueries lineage, LineageConflicts conflicts, Clock clock) {
        this.lineage = lineage;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    Parts of(String id) {
        Parts known = kept.get(id);
        if (known != null && fresh(known)) {
            return known;
        }
        if (known == null) {
            Parts read = read(id);
            if (read.childCount() > BUSY && (kept.size() < MAX_KEPT || dropStale())) {
                kept.put(id, read);
            }
            return read;
        }
        // A busy model gone stale: one request reads it again while the others asking for it wait for that read.
        Parts[] answer = new Parts[1];
        kept.compute(id, (k, old) -> {
            answer[0] = old != null && fresh(old) ? old : read(id);
            return answer[0].childCount() > BUSY ? answer[0] : null;
        });
        return answer[0];
    }

    private Parts read(String id) {
        return new Parts(lineage.childrenByRelation(id, ModelPageController.CHILDREN_NAMED), conflicts.involving(id), clock.instant());
    }

    private boolean fresh(Parts parts) {
        return clock.instant().isBefore(parts.readAt().plus(FRESH_FOR));
    }

    private boolean dropStale() {
        kept.values().removeIf(parts -> !fresh(parts));
        return kept.size() < MAX_KEPT;
    }
}
