package org.llmtracker.crawler.huggingface;

import java.util.List;

import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.Rename;

/**
 * What a model's Hub answer says about where it came from: its derivations and any renamed bases.
 *
 * @param droppedParents parents named beyond {@code tracker.huggingface.max-parents}, not kept
 */
public record Lineage(List<Derivation> derivations, List<Rename> renames, int droppedParents) {

    public Lineage(List<Derivation> derivations, List<Rename> renames) {
        this(derivations, renames, 0);
    }

    public Lineage {
        derivations = List.copyOf(derivations);
        renames = List.copyOf(renames);
    }

    public List<String> parents() {
        return derivations.stream().map(Derivation::parent).distinct().toList();
    }
}
