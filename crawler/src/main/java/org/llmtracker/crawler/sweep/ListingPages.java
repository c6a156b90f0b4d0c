package org.llmtracker.crawler.sweep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;

import org.llmtracker.crawler.huggingface.HubEntry;
import org.llmtracker.crawler.huggingface.Lineage;
import org.llmtracker.crawler.huggingface.LineageParser;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubModel;

/** A listing page as the graph's bulk writer takes it: the models, and the parents their tags declare. */
final class ListingPages {

    private final LineageParser parser;

    ListingPages(int maxParents) {
        this.parser = new LineageParser(maxParents);
    }

    /** The page for the writer; parents beyond the bound are dropped and told to {@code dropped} (model id, how many). */
    HubListingPage of(List<HubEntry> entries, ObjIntConsumer<String> dropped) {
        List<HubModel> models = new ArrayList<>(entries.size());
        List<Derivation> derivations = new ArrayList<>();
        for (HubEntry entry : entries) {
            models.add(entry.toModel());
            Lineage lineage = parser.parse(entry);
            derivations.addAll(lineage.derivations());
            if (lineage.droppedParents() > 0) {
                dropped.accept(entry.id(), lineage.droppedParents());
            }
        }
        return new HubListingPage(models, derivations);
    }

    /**
     * The entries changed at or after {@code stopBefore}; the listing is newest first, so the
     * first older entry ends the pass. An entry without a time cannot end it.
     */
    static List<HubEntry> newerThan(List<HubEntry> entries, Instant stopBefore) {
        for (int i = 0; i < entries.size(); i++) {
            Instant changed = entries.get(i).lastModified();
            if (changed != null && changed.isBefore(stopBefore)) {
                return entries.subList(0, i);
            }
        }
        return entries;
    }
}
