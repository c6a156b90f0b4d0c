package org.llmtracker.crawler.huggingface;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.Rename;

/**
 * One catalogued model and what discovery found below it: the models (each once, however
 * many paths lead to it), every derivation their Hub answers claim, and renames seen on the way.
 */
final class Family {

    private final Map<String, HubEntry> members = new LinkedHashMap<>();
    private final List<Derivation> derivations = new ArrayList<>();
    private final List<Rename> renames = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private final List<String> listedCompletely = new ArrayList<>();
    private final HubEntry root;
    private boolean truncated;

    Family(HubEntry root) {
        this.root = root;
        members.put(key(root.id()), root);
    }

    HubEntry root() {
        return root;
    }

    /** Adds a model found below the root; false when it was already there (a cycle, or a merge reached twice). */
    boolean add(HubEntry entry) {
        return members.putIfAbsent(key(entry.id()), entry) == null;
    }

    boolean contains(String id) {
        return members.containsKey(key(id));
    }

    void claims(Lineage lineage) {
        derivations.addAll(lineage.derivations());
        renames.addAll(lineage.renames());
    }

    void renamed(Rename rename) {
        renames.add(rename);
    }

    /** Models below the root, not counting it. */
    int discovered() {
        return members.size() - 1;
    }

    void truncate() {
        truncated = true;
    }

    /** Every child of {@code parent} within the bounds was seen: a stored child not seen has left the listing. */
    void listedCompletely(String parent) {
        listedCompletely.add(parent);
    }

    List<String> listedCompletely() {
        return List.copyOf(listedCompletely);
    }

    boolean truncated() {
        return truncated;
    }

    List<HubEntry> models() {
        return List.copyOf(members.values());
    }

    List<HubEntry> below() {
        return members.values().stream().skip(1).toList();
    }

    List<Derivation> derivations() {
        return List.copyOf(derivations);
    }

    List<Rename> renames() {
        return List.copyOf(renames);
    }

    List<String> rejected() {
        return rejected;
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
