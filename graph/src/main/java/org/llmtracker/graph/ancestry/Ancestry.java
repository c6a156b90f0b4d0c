package org.llmtracker.graph.ancestry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.TransactionContext;

/**
 * The ancestry index: a {@code DESCENDS_FROM} relationship from every model to each of its
 * ancestors, holding the shortest distance ({@code depth}), so "everything below LLaMA" is one
 * expansion or one degree read instead of a walk over hundreds of thousands of models. A model
 * with several parents (a merge) also records, per ancestor, which of its own links lie on a
 * shortest way there; ancestors carry the {@link KinCounts} of what lies below them. The rows
 * themselves are computed by {@link AncestryPlan}, without the store.
 *
 * <p>The index is derived data. Every writer of {@code DERIVED_FROM} calls {@link #refresh} (or
 * {@link #index} for models it just created) in the same transaction, so a reader never sees the
 * links and the index disagree. The models to recompute are the changed children and everything
 * below them; the index before the change already lists those descendants.
 *
 * <p>A first fill (a full sweep into an empty store, an import, an index of an older version)
 * instead {@link #defer}s: writers leave the index alone, and {@link #build} then writes it in
 * bulk, in resumable batches ({@link AncestryBuild}); reads meanwhile see {@link #progress}.
 */
public final class Ancestry {

    /** Raised when what the index stores changes meaning, so stores built before are rebuilt at start. */
    static final int VERSION = 3;

    private Ancestry() {
    }

    /**
     * Builds the index where it is missing or unfinished: a store written before the index existed,
     * one built by another version, or a build a crash cut short (it resumes). Cheap when the index
     * is current (one lookup).
     */
    public static void ensure(Graph graph) {
        if (!AncestryBuild.current(graph)) {
            AncestryBuild.build(graph);
        }
    }

    /** Builds the whole index from the links, whatever the store says of it (after an import). */
    public static void rebuild(Graph graph) {
        AncestryBuild.restart(graph);
        AncestryBuild.build(graph);
    }

    /**
     * Starts a first fill: until {@link #build} ends, writers of links leave the index to it. Does
     * nothing if a build is already under way.
     */
    public static void defer(Graph graph) {
        AncestryBuild.defer(graph);
    }

    /** Builds the index in bulk from the links, resuming a build a crash cut short. */
    public static void build(Graph graph) {
        AncestryBuild.build(graph);
    }

    /** How far a deferred index or its build has come; empty when the index is current. */
    public static Optional<AncestryProgress> progress(Graph graph) {
        return AncestryBuild.progress(graph);
    }

    /**
     * Recomputes the index for {@code changed} (models whose own DERIVED_FROM links were added,
     * removed or edited in this transaction) and everything below them; during a first fill,
     * records only that the links moved (the build reads them afterwards).
     */
    public static void refresh(TransactionContext tx, Collection<String> changed) {
        if (changed.isEmpty() || AncestryBuild.deferred(tx)) {
            return;
        }
        AncestryPlan plan = new AncestryPlan();
        Map<String, String> nodes = new HashMap<>();
        KinCounts counts = new KinCounts();
        Set<String> fresh = new LinkedHashSet<>(changed);
        while (!fresh.isEmpty()) {
            List<String> ids = List.copyOf(fresh);
            ids.forEach(plan::include);
            Set<String> below = new LinkedHashSet<>();
            AncestryStatements.facts(tx, ids, plan, nodes, below, counts);
            below.removeIf(plan::includes);
            fresh = below;
        }
        plan.retain(nodes.keySet());
        changed.stream().map(nodes::get).filter(Objects::nonNull).forEach(counts::check);
        AncestryStatements.clear(tx, plan.included().stream().map(nodes::get).toList());
        AncestryStatements.write(tx, plan.rows(), nodes, counts);
        counts.apply(tx);
    }

    /** A link from a model created in this transaction, as its writer knows it, ends by element id. */
    public record NewLink(String child, String childNode, String parent, String parentNode, String relation,
            List<String> stages) {
    }

    /**
     * The index for models created in this transaction, linked by {@code links}: nothing is below
     * them (but each other), so they are all the recomputed set, and what {@link #refresh} reads per
     * model is known to the caller; only the parents outside the set are read, once each.
     */
    public static void index(TransactionContext tx, List<NewLink> links) {
        if (links.isEmpty() || AncestryBuild.deferred(tx)) {
            return;
        }
        AncestryPlan plan = new AncestryPlan();
        Map<String, String> nodes = new HashMap<>();
        for (NewLink link : links) {
            plan.include(link.child());
            nodes.put(link.child(), link.childNode());
            nodes.put(link.parent(), link.parentNode());
            plan.link(new Link(link.child(), link.parent(), link.relation(), link.stages()), false);
        }
        List<String> outside = new ArrayList<>(links.stream().filter(l -> !plan.includes(l.parent()))
                .map(NewLink::parentNode).distinct().toList());
        AncestryStatements.up(tx, outside, plan, nodes);
        KinCounts counts = new KinCounts();
        // Clearing marks the models for the licence verdicts, which follow their lineage (LicenseVerdicts).
        AncestryStatements.clear(tx, plan.included().stream().map(nodes::get).toList());
        AncestryStatements.write(tx, plan.rows(), nodes, counts);
        counts.apply(tx);
    }
}
