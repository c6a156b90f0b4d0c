package org.llmtracker.graph.hub;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Duration;
import java.time.Instant;

import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.exceptions.ClientException;

/**
 * Stores pages of the Hub's model listing, one transaction per page: the page's models, links
 * and index ({@link HubListingWriter}) and, for the whole-Hub sweep, the sweep's progress
 * ({@link SweepStates}) in the same transaction, so the graph never holds a page without its
 * cursor or a cursor past a page it does not hold.
 *
 * <p>A <b>first fill</b> (a full pass into an empty or nearly empty store) writes its pages without
 * the per-page ancestry work and builds the index in bulk at its end ({@link Ancestry#defer},
 * {@link Ancestry#build}): per page, the index rows of new models cost more than the models.
 */
public final class HubListingStore {

    private static final String CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";

    private final Graph graph;
    private final SweepStates sweep;

    /** Pages stored for no sweep (a bulk load, a test). */
    public HubListingStore(Graph graph) {
        this(graph, null);
    }

    /** Pages stored by {@code sweep}, each committed with its progress. */
    public HubListingStore(Graph graph, SweepStates sweep) {
        this.graph = graph;
        this.sweep = sweep;
    }

    /**
     * Where a stored page leaves the sweep's pass.
     *
     * @param cursor  the next page, or null when the pass has read its last page
     * @param head    the page's newest change (only the first page's is kept)
     * @param models  the page's models
     * @param catchUp for the last page of a full pass's read of the whole listing: the pass goes on
     *                from the first page again, down to its head minus this, for what changed while
     *                it read (those models moved ahead of its cursor); null otherwise
     */
    public record Progress(String cursor, Instant head, int models, Duration catchUp) {
    }

    /**
     * Begins a first fill when the store holds fewer than {@code below} models: pages from now on
     * leave the ancestry index to {@link #finishFirstFill}. Returns whether the index is deferred.
     */
    public boolean beginFirstFill(long below) {
        long models = graph.read(tx -> tx.run("MATCH (m:Model) RETURN count(m) AS n").single().get("n").asLong());
        if (models < below) {
            Ancestry.defer(graph);
        }
        return Ancestry.progress(graph).isPresent();
    }

    /** Builds the ancestry index in bulk if a first fill deferred it; returns whether it did. */
    public boolean finishFirstFill() {
        if (Ancestry.progress(graph).isEmpty()) {
            return false;
        }
        Ancestry.build(graph);
        return true;
    }

    /** Stores one page in one transaction; returns how many of its models (stubs excluded) were new. */
    public int store(HubListingPage page, Instant now) {
        return store(page, null, now);
    }

    /** The same, committing the sweep's {@code progress} with the page (null: none). */
    public int store(HubListingPage page, Progress progress, Instant now) {
        if (progress != null && sweep == null) {
            throw new IllegalStateException("This listing store serves no sweep: it cannot record its progress");
        }
        // A page that loses a race for a new id (another writer committed a model of that id first)
        // is tried again, and the next try finds that model: each lost try leaves one id fewer to
        // create, so the tries are bounded by the page's ids.
        int tries = page.models().size() + page.derivations().size() + 1;
        for (int attempt = 1; ; attempt++) {
            try {
                return graph.write(tx -> {
                    int created = HubListingWriter.write(tx, page, dateTime(now));
                    if (progress != null) {
                        sweep.advance(tx, progress);
                    }
                    return created;
                });
            } catch (ClientException e) {
                if (!CONSTRAINT_FAILED.equals(e.code()) || attempt >= tries) {
                    throw e;
                }
            }
        }
    }
}
