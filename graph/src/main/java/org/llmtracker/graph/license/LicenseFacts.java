package org.llmtracker.graph.license;

import static org.llmtracker.graph.store.DriverValues.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * What judging a model reads, in one query per batch: its licence fields and, per parent, the
 * parent's and the parent's ancestors' (the ancestry index), with how declared links reach them.
 */
final class LicenseFacts {

    private static final String READ = """
            UNWIND $ids AS id
            MATCH (m:Model {id: id})
            RETURN m.id AS id, m.hfId AS hfId, m.name AS name, m.license AS license, m.hfLicense AS hfLicense,
                   m.cardLicenseName AS cardName, m.cardLicenseLink AS cardLink, m.licenseId AS storedLicense,
                   m.licenseVerdict AS storedVerdict,
                   [(m)-[l:DERIVED_FROM]->(p:Model) | {id: p.id, hfId: p.hfId, license: p.license, hfLicense: p.hfLicense,
                       cardName: p.cardLicenseName, cardLink: p.cardLicenseLink, inferred: l.sources = ['inferred'],
                       up: [(p)-[r:DESCENDS_FROM]->(a:Model) | {id: a.id, hfId: a.hfId, license: a.license,
                            hfLicense: a.hfLicense, cardName: a.cardLicenseName, cardLink: a.cardLicenseLink,
                            depth: r.depth,
                            declared: CASE WHEN r.inferredOnly THEN null ELSE coalesce(r.declaredDepth, r.depth) END}]}] AS parents
            """;

    /** One model as read: its subject, its licence before this judging, and its lines under either evidence. */
    record Model(LicenseJudge.Subject subject, String storedLicense, String storedVerdict,
            List<List<LicenseJudge.Ancestor>> declared, List<List<LicenseJudge.Ancestor>> all) {
    }

    private LicenseFacts() {
    }

    static List<Model> read(TransactionContext tx, List<String> ids, LicenseBook book) {
        return tx.run(READ, Map.of("ids", ids)).list(r -> model(r, book));
    }

    private static Model model(Record r, LicenseBook book) {
        String id = r.get("id").asString();
        String hfId = string(r.get("hfId"));
        String published = hfId != null ? hfId : id;
        LicenseJudge.Subject subject = new LicenseJudge.Subject(id, owner(published),
                published.substring(published.indexOf('/') + 1), license(r.get("hfLicense"), r.get("cardName"),
                        r.get("cardLink"), r.get("license"), book));
        List<List<LicenseJudge.Ancestor>> declared = new ArrayList<>();
        List<List<LicenseJudge.Ancestor>> all = new ArrayList<>();
        for (Value p : r.get("parents").values()) {
            boolean inferred = p.get("inferred").asBoolean(false);
            List<LicenseJudge.Ancestor> line = new ArrayList<>();
            List<LicenseJudge.Ancestor> declaredLine = new ArrayList<>();
            LicenseJudge.Ancestor parent = ancestor(p, 1, book);
            line.add(parent);
            declaredLine.add(parent);
            for (Value a : p.get("up").values()) {
                line.add(ancestor(a, a.get("depth").asInt() + 1, book));
                if (!a.get("declared").isNull()) {
                    declaredLine.add(ancestor(a, a.get("declared").asInt() + 1, book));
                }
            }
            all.add(line);
            if (!inferred) {
                declared.add(declaredLine);
            }
        }
        return new Model(subject, string(r.get("storedLicense")), string(r.get("storedVerdict")), declared, all);
    }

    private static LicenseJudge.Ancestor ancestor(Value v, int depth, LicenseBook book) {
        String id = v.get("id").asString();
        String hfId = string(v.get("hfId"));
        return new LicenseJudge.Ancestor(id, owner(hfId != null ? hfId : id),
                license(v.get("hfLicense"), v.get("cardName"), v.get("cardLink"), v.get("license"), book), depth);
    }

    private static String license(Value hub, Value cardName, Value cardLink, Value catalogue, LicenseBook book) {
        return book.resolve(string(hub), string(cardName), string(cardLink), string(catalogue));
    }

    private static String owner(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? null : id.substring(0, slash);
    }
}
