package org.llmtracker.graph.hub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.naming.Ids;
import org.neo4j.driver.TransactionContext;
import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.inference.InferredLinks;

/**
 * The bulk write path for pages of the Hub's model listing, one page per transaction, with the
 * same result as the per-item writers ({@link HubFamilies}, {@link LineageWriter}) and safe
 * beside them, in any order. Each listed model is created or updated and stamped as listed; a
 * declared parent the graph does not hold yet is created as a stub (a model with no Hub figures),
 * which its own listing item fills later; the links and the {@link Ancestry} index follow.
 *
 * <p>What makes it fast is that every id is resolved once, in one batched read, and everything
 * after addresses nodes by element id: ids proven new are created outright (no per-row merge or
 * alias lookup), and links from models created in this page are created without a merge.
 */
final class HubListingWriter {

    private HubListingWriter() {
    }

    /** Writes one page in {@code tx} ({@link HubListingStore} holds the transaction); returns how many of its models (stubs excluded) were new. */
    static int write(TransactionContext tx, HubListingPage page, Object now) {
        Map<String, Map<String, Object>> listed = new LinkedHashMap<>();
        List<Map<String, Object>> repeats = new ArrayList<>();
        for (HubModel model : page.models()) {
            Map<String, Object> row = ModelUpserts.row(model);
            row.put("status", HubStatus.listed(model.gated()).stored());
            if (listed.putIfAbsent((String) row.get("key"), row) != null) {
                repeats.add(row);
            }
        }
        Map<String, String> parentSpelling = new LinkedHashMap<>();
        for (Derivation d : page.derivations()) {
            parentSpelling.putIfAbsent(Ids.model(d.parent()), d.parent().trim());
        }
        Set<String> keys = new LinkedHashSet<>(listed.keySet());
        keys.addAll(parentSpelling.keySet());
        page.derivations().forEach(d -> keys.add(Ids.model(d.child())));
        Map<String, Node> nodes = ListingStatements.resolve(tx, List.copyOf(keys));

        List<Map<String, Object>> known = new ArrayList<>();
        List<Map<String, Object>> created = new ArrayList<>();
        listed.forEach((key, row) -> {
            Node node = nodes.get(key);
            if (node == null) {
                created.add(row);
            } else {
                row.put("node", node.element());
                known.add(row);
            }
        });
        List<Map<String, Object>> stubs = new ArrayList<>();
        parentSpelling.forEach((key, hfId) -> {
            if (!nodes.containsKey(key) && !listed.containsKey(key)) {
                stubs.add(Map.of("key", key, "hfId", hfId));
            }
        });
        Set<String> fresh = new LinkedHashSet<>();
        ListingStatements.create(tx, created, stubs, now).forEach((key, element) -> {
            nodes.put(key, new Node(element, key));
            fresh.add(element);
        });
        for (Map<String, Object> row : repeats) {
            row.put("node", nodes.get((String) row.get("key")).element());
            known.add(row);
        }
        ListingStatements.update(tx, known, now);

        Map<List<String>, Map<String, Object>> links = new LinkedHashMap<>();
        for (Derivation d : page.derivations()) {
            Node child = nodes.get(Ids.model(d.child()));
            Node parent = nodes.get(Ids.model(d.parent()));
            if (child == null || parent == null || child.element().equals(parent.element())) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("child", child.element());
            row.put("parent", parent.element());
            row.put("relation", d.relation().name());
            row.put("stages", d.stages().stream().map(Stage::name).toList());
            row.put("source", d.source());
            links.put(List.of(child.element(), parent.element()), row);
        }
        List<Map<String, Object>> newLinks = new ArrayList<>();
        List<Map<String, Object>> otherLinks = new ArrayList<>();
        Map<String, String> idOf = new HashMap<>();
        nodes.values().forEach(n -> idOf.put(n.element(), n.id()));
        List<Ancestry.NewLink> indexed = new ArrayList<>();
        links.values().forEach(row -> {
            String child = (String) row.get("child");
            String parent = (String) row.get("parent");
            if (fresh.contains(child)) {
                newLinks.add(row);
                @SuppressWarnings("unchecked")
                List<String> stages = (List<String>) row.get("stages");
                indexed.add(new Ancestry.NewLink(idOf.get(child), child, idOf.get(parent), parent,
                        (String) row.get("relation"), stages));
            } else {
                otherLinks.add(row);
            }
        });
        ListingStatements.createLinks(tx, newLinks, now);
        List<List<String>> merged = ListingStatements.mergeLinks(tx, otherLinks, now);
        // New models first: a stored model may now derive from one of them, and its refresh must
        // read their rows. A new model below a stored one that was relinked read that one's rows
        // before they changed, but it is then below it, so the refresh recomputes it too. Only a
        // stored model can have an inferred parent to give way to a declaration.
        Ancestry.index(tx, indexed);
        Ancestry.refresh(tx, merged.get(0));
        InferredLinks.yieldToDeclared(tx, merged.get(1));
        return created.size();
    }

    /** A model the page names: its element id and its own id (an alias resolves to another). */
    record Node(String element, String id) {
    }
}
