package org.llmtracker.graph.hub;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Instant;
import java.util.List;

import org.llmtracker.graph.store.Graph;

/**
 * Batched, idempotent writes of Hub models and of the derivations between them, a transaction
 * per batch of {@link #BATCH} rows, for callers that hold more than one transaction should (a
 * bulk load). A crawled family is written by {@link HubFamilies} in one transaction instead.
 */
public final class LineageWriter {

    /** Rows per transaction: large enough to amortise the commit, small enough for a modest heap. */
    public static final int BATCH = ModelUpserts.ROWS;

    private final Graph graph;

    public LineageWriter(Graph graph) {
        this.graph = graph;
    }

    /** Creates or updates models, in batches; returns how many were written. */
    public int upsertModels(List<HubModel> models, Instant now) {
        for (int from = 0; from < models.size(); from += BATCH) {
            List<HubModel> batch = models.subList(from, Math.min(from + BATCH, models.size()));
            graph.write(tx -> {
                ModelUpserts.models(tx, batch, dateTime(now));
                return null;
            });
        }
        return models.size();
    }

    /**
     * Records derivations between models that exist; a derivation naming an unknown model is
     * skipped (its model is written first by the caller). Self-references are dropped. The
     * {@link Ancestry} index follows in the same transaction, and so do inferred parents of these
     * children, which give way to a declaration ({@link InferredLinks}). Returns how many were
     * written.
     */
    public int upsertDerivations(List<Derivation> derivations, Instant now) {
        int written = 0;
        for (int from = 0; from < derivations.size(); from += BATCH) {
            List<Derivation> batch = derivations.subList(from, Math.min(from + BATCH, derivations.size()));
            written += graph.write(tx -> ModelUpserts.derivations(tx, batch, dateTime(now)));
        }
        return written;
    }
}
