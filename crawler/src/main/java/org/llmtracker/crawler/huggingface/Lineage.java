package org.llmtracker.crawler.huggingface;

import java.util.List;

import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.Rename;

/** What a model's Hub answer says about where it came from: its derivations and any renamed bases. */
public record Lineage(List<Derivation> derivations, List<Rename> renames) {

    public Lineage {
        derivations = List.copyOf(derivations);
        renames = List.copyOf(renames);
    }

    public List<String> parents() {
        return derivations.stream().map(Derivation::parent).distinct().toList();
    }
}
