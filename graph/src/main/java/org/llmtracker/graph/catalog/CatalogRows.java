package org.llmtracker.graph.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.naming.ParameterLabel;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * A catalogue entry as the row the statements write ({@link #row}, ids normalised, with the
 * fingerprint of what it says), and back from what the store holds ({@link #entry}).
 */
final class CatalogRows {

    private CatalogRows() {
    }

    static Map<String, Object> row(CatalogEntry e, String origin) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", Ids.model(e.id()));
        row.put("name", e.name());
        row.put("kind", e.kind());
        row.put("organisation", e.organisation());
        row.put("organisationKey", e.organisation() == null ? null : Ids.organisation(e.organisation()));
        row.put("region", e.region());
        row.put("parameterLabel", e.parameters());
        row.put("parameters", e.parameters() == null ? null : ParameterLabel.largest(e.parameters()));
        row.put("openSource", e.openSource());
        row.put("releasedAt", e.releasedAt());
        row.put("license", e.license());
        row.put("description", e.description());
        row.put("links", e.links());
        row.put("githubRepositories", e.githubRepositories());
        row.put("huggingfaceIds", e.huggingfaceIds());
        row.put("hfId", e.huggingfaceIds().isEmpty() ? null : e.huggingfaceIds().get(0));
        row.put("aliases", e.huggingfaceIds().stream().map(Ids::model).distinct().toList());
        row.put("repositories", e.githubRepositories().stream()
                .map(name -> Map.of("key", Ids.repository(name), "name", name.trim())).toList());
        row.put("bases", e.baseModels().stream().map(b -> Map.of(
                "id", Ids.model(b.id()),
                "relation", b.relation().name(),
                "stages", b.stages().stream().map(Stage::name).toList())).toList());
        row.put("newVersionOf", e.newVersionOf() == null ? null : Ids.model(e.newVersionOf()));
        row.put("origin", origin);
        row.put("hash", fingerprint(e));
        return row;
    }

    static CatalogEntry entry(Record record) {
        Value m = record.get("m");
        List<BaseModelRef> bases = new ArrayList<>();
        for (Value b : record.get("bases").values()) {
            if (b.isNull()) {
                continue;
            }
            List<Stage> stages = b.get("stages").isNull() ? List.of()
                    : b.get("stages").asList(v -> Stage.valueOf(v.asString()));
            bases.add(new BaseModelRef(b.get("id").asString(),
                    Relation.parse(b.get("relation").asString(null)).orElse(Relation.UNKNOWN), stages));
        }
        return new CatalogEntry(
                m.get("id").asString(),
                m.get("name").asString(null),
                m.get("kind").asString(null),
                m.get("organisationName").asString(null),
                m.get("region").asString(null),
                m.get("parameterLabel").asString(null),
                m.get("openSource").isNull() ? null : m.get("openSource").asBoolean(),
                m.get("releasedAt").asString(null),
                m.get("license").asString(null),
                m.get("description").asString(null),
                strings(m.get("githubRepositories")),
                strings(m.get("huggingfaceIds")),
                bases,
                strings(m.get("links")),
                record.get("newVersionOf").asString(null));
    }

    private static List<String> strings(Value value) {
        return value.isNull() ? List.of() : value.asList(Value::asString);
    }

    /** A stable digest of everything an entry says, independent of JVM and map order. */
    static String fingerprint(CatalogEntry e) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {e.id(), e.name(), e.kind(), e.organisation(), e.region(), e.parameters(),
                e.openSource(), e.releasedAt(), e.license(), e.description(), e.githubRepositories(),
                e.huggingfaceIds(), e.links()}) {
            canonical.append(field).append('\u0000');
        }
        for (BaseModelRef b : e.baseModels()) {
            canonical.append(b.id()).append(':').append(b.relation()).append(':').append(b.stages()).append('\u0000');
        }
        if (e.newVersionOf() != null) {
            // Only when set, so entries without one keep the digest they had before the field existed.
            canonical.append("newVersionOf:").append(e.newVersionOf()).append('\u0000');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e1);
        }
    }
}
