package org.llmtracker.graph.hub;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.store.ModelKeys;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** The statements of {@link HubListingWriter}, each over a whole page, nodes addressed by element id. */
final class ListingStatements {

    /** Every id the page names, resolved once: an alias wins over a model of the same id, as in every writer. */
    private static final String RESOLVE = """
            UNWIND $keys AS key
            OPTIONAL MATCH (:Alias {id: key})-[:ALIAS_OF]->(a:Model)
            OPTIONAL MATCH (own:Model {id: key})
            WITH key, coalesce(a, own) AS m
            WHERE m IS NOT NULL
            RETURN key, elementId(m) AS node, m.id AS id
            """;

    private static final String ORGANISATIONS = """
            UNWIND $rows AS row
            MERGE (o:Organisation {key: row.key})
            ON CREATE SET o.name = row.name, o.aliases = [], o.updatedAt = $now
            """;

    // Ids proven new by RESOLVE in this transaction: a concurrent writer that creates one first
    // makes this fail on the id's constraint, and the page is tried again.
    private static final String CREATE = """
            UNWIND $rows AS row
            CREATE (m:Model {id: row.key, name: row.hfId, kind: 'model', catalogued: false, firstSeenAt: $now,
                             updatedAt: $now})
            SET m += row.properties
            """ + ModelKeys.set("m") + """
            WITH m, row
            FOREACH (_ IN CASE WHEN row.properties.hfLicense IS NULL THEN [] ELSE [1] END | SET m:LicenseStale)
            WITH m, row
            OPTIONAL MATCH (o:Organisation {key: row.authorKey})
            FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (m)-[:PUBLISHED_BY]->(o))
            RETURN row.key AS key, elementId(m) AS node
            """;

    private static final String UPDATE = """
            UNWIND $rows AS row
            MATCH (m) WHERE elementId(m) = row.node
            SET m.hfStatus = row.status, m.hfCheckedAt = $now, m.hfListedAt = $now
            WITH m, row
            """ + ModelUpserts.MODEL_FIELDS + ModelUpserts.PUBLISHER;

    private static final String CREATE_LINKS = """
            UNWIND $rows AS row
            MATCH (c) WHERE elementId(c) = row.child
            MATCH (p) WHERE elementId(p) = row.parent
            CREATE (c)-[:DERIVED_FROM {relation: row.relation, stages: row.stages, hubRelation: row.relation,
                                       sources: [row.source], observedAt: $now}]->(p)
            """;

    private static final String MERGE_LINKS = """
            UNWIND $rows AS row
            MATCH (c) WHERE elementId(c) = row.child
            MATCH (p) WHERE elementId(p) = row.parent
            """ + ModelUpserts.LINK;

    private ListingStatements() {
    }

    static Map<String, HubListingWriter.Node> resolve(TransactionContext tx, List<String> keys) {
        Map<String, HubListingWriter.Node> nodes = new HashMap<>();
        tx.run(RESOLVE, Map.of("keys", keys)).forEachRemaining(r -> nodes.put(r.get("key").asString(),
                new HubListingWriter.Node(r.get("node").asString(), r.get("id").asString())));
        return nodes;
    }

    /** Creates the listed models and the stubs; returns their element ids by id. */
    static Map<String, String> create(TransactionContext tx, List<Map<String, Object>> listed,
            List<Map<String, Object>> stubs, Object now) {
        List<Map<String, Object>> rows = new ArrayList<>(listed.size() + stubs.size());
        for (Map<String, Object> row : listed) {
            Map<String, Object> properties = hubProperties(row);
            properties.put("hfStatus", row.get("status"));
            properties.put("hfCheckedAt", now);
            properties.put("hfListedAt", now);
            rows.add(creation(row, properties));
        }
        for (Map<String, Object> stub : stubs) {
            rows.add(creation(Map.of("key", stub.get("key"), "hfId", stub.get("hfId")), Map.of("hfId", stub.get("hfId"))));
        }
        return createModels(tx, rows, now);
    }

    /**
     * Creates models from {@link #creation} rows, with their organisations, by ids the caller
     * proved new in this transaction; returns their element ids by id.
     */
    static Map<String, String> createModels(TransactionContext tx, List<Map<String, Object>> rows, Object now) {
        Map<String, String> created = new HashMap<>();
        if (rows.isEmpty()) {
            return created;
        }
        Map<String, Map<String, Object>> organisations = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            if (row.get("authorKey") != null) {
                organisations.putIfAbsent((String) row.get("authorKey"),
                        Map.of("key", row.get("authorKey"), "name", row.get("author")));
            }
        }
        if (!organisations.isEmpty()) {
            tx.run(ORGANISATIONS, Map.of("rows", List.copyOf(organisations.values()), "now", now)).consume();
        }
        tx.run(CREATE, Map.of("rows", rows, "now", now))
                .forEachRemaining(r -> created.put(r.get("key").asString(), r.get("node").asString()));
        return created;
    }

    /** The Hub properties an upsert row ({@link ModelUpserts#row}) sets on a new node, the unknown (null) ones left out. */
    static Map<String, Object> hubProperties(Map<String, Object> row) {
        Map<String, Object> properties = new HashMap<>();
        put(properties, "hfId", row.get("hfId"));
        put(properties, "downloads", row.get("downloads"));
        put(properties, "likes", row.get("likes"));
        put(properties, "pipelineTag", row.get("pipelineTag"));
        put(properties, "libraryName", row.get("libraryName"));
        put(properties, "parameters", row.get("parameters"));
        put(properties, "license", row.get("license"));
        put(properties, "hfLicense", row.get("license"));
        put(properties, "hfCreatedAt", row.get("createdAt"));
        put(properties, "hfLastModified", row.get("lastModified"));
        put(properties, "gated", row.get("gated"));
        for (String field : List.of("modelType", "ggufArchitecture", "cardCreator", "cardQuantizedBy", "cardBaseMentions",
                "cardLicenseName", "cardLicenseLink")) {
            put(properties, field, row.get(field));
        }
        return properties;
    }

    /** A row of {@link #createModels}: an upsert row's id, Hub id and organisation, and the properties to set. */
    static Map<String, Object> creation(Map<String, Object> row, Map<String, Object> properties) {
        Map<String, Object> creation = new HashMap<>();
        creation.put("key", row.get("key"));
        creation.put("hfId", row.get("hfId"));
        creation.put("authorKey", row.get("authorKey"));
        creation.put("author", row.get("author"));
        creation.put("properties", properties);
        return creation;
    }

    static void update(TransactionContext tx, List<Map<String, Object>> rows, Object now) {
        if (!rows.isEmpty()) {
            tx.run(UPDATE, Map.of("rows", rows, "now", now)).consume();
        }
    }

    static void createLinks(TransactionContext tx, List<Map<String, Object>> rows, Object now) {
        if (!rows.isEmpty()) {
            tx.run(CREATE_LINKS, Map.of("rows", rows, "now", now)).consume();
        }
    }

    /**
     * Links from models that existed before the page; returns the children whose links changed
     * (first) and every child linked (second).
     */
    static List<List<String>> mergeLinks(TransactionContext tx, List<Map<String, Object>> rows, Object now) {
        if (rows.isEmpty()) {
            return List.of(List.of(), List.of());
        }
        var result = tx.run(MERGE_LINKS, Map.of("rows", rows, "now", now)).single();
        return List.of(result.get("relinked").asList(Value::asString), result.get("children").asList(Value::asString));
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
