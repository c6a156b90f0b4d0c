package org.llmtracker.graph.license;

import static org.llmtracker.graph.store.DriverValues.dateTime;
import static org.llmtracker.graph.store.DriverValues.instant;
import static org.llmtracker.graph.store.DriverValues.strings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * The licence summary's counts over every model (by licence, by verdict, by pair). Counting them
 * reads every judged model: 1.4 s at 1M models, 12 s at 4M. Only the licence refresh writes the
 * fields counted, so it counts them once at its end and keeps the result on the verdicts' state
 * node, and a request reads that. A store nobody has counted yet is counted on request only while
 * it is small.
 */
final class LicenseTotals {

    /** Up to this many models (by default), a store without kept counts is counted on request. */
    static final long COUNTED_ON_REQUEST_UP_TO = 100_000;

    private static final String BY_LICENSE = """
            MATCH (m:Model) WHERE m.licenseId IS NOT NULL
            RETURN m.licenseId AS license, count(*) AS models ORDER BY models DESC, license
            """;

    private static final String BY_VERDICT = """
            MATCH (m:Model) WHERE m.licenseVerdict IS NOT NULL
            RETURN m.licenseVerdict AS verdict, count(*) AS models
            """;

    private static final String PAIRS = """
            MATCH (m:Model) WHERE m.licenseAncestorLicense IS NOT NULL
            WITH m.licenseAncestorLicense AS ancestorLicense, coalesce(m.licenseId, '') AS license,
                 count(*) AS models, sum(CASE m.licenseVerdict WHEN 'conflict' THEN 1 ELSE 0 END) AS conflicts,
                 sum(CASE m.licenseVerdict WHEN 'naming' THEN 1 ELSE 0 END) AS naming,
                 sum(CASE m.licenseVerdict WHEN 'unknown' THEN 1 ELSE 0 END) AS unknown
            RETURN ancestorLicense, license, models, conflicts, naming, unknown
            ORDER BY conflicts DESC, models DESC, ancestorLicense, license LIMIT $limit
            """;

    private static final int MAX_PAIRS = 500;

    private static final String KEEP = """
            MERGE (s:IndexState {name: 'licenses'})
            SET s.totalsAt = $at, s.totalsLicenses = $licenses, s.totalsLicenseModels = $licenseModels,
                s.totalsVerdicts = $verdicts, s.totalsVerdictModels = $verdictModels,
                s.totalsPairAncestors = $pairAncestors, s.totalsPairLicenses = $pairLicenses,
                s.totalsPairModels = $pairModels, s.totalsPairConflicts = $pairConflicts,
                s.totalsPairNaming = $pairNaming, s.totalsPairUnknown = $pairUnknown
            """;

    private static final String KEPT = """
            MATCH (s:IndexState {name: 'licenses'}) WHERE s.totalsAt IS NOT NULL
            RETURN s.totalsAt AS at, s.totalsLicenses AS licenses, s.totalsLicenseModels AS licenseModels,
                   s.totalsVerdicts AS verdicts, s.totalsVerdictModels AS verdictModels,
                   s.totalsPairAncestors AS pairAncestors, s.totalsPairLicenses AS pairLicenses,
                   s.totalsPairModels AS pairModels, s.totalsPairConflicts AS pairConflicts,
                   s.totalsPairNaming AS pairNaming, s.totalsPairUnknown AS pairUnknown
            """;

    private static final String MODELS = "MATCH (m:Model) RETURN count(m) AS models";

    private LicenseTotals() {
    }

    /** The kept counts; else counted now on a small store; else not counted yet. */
    static LicenseSummary read(Graph graph, long countedOnRequestUpTo) {
        return graph.read(tx -> kept(tx).orElseGet(() -> tx.run(MODELS).single().get("models").asLong() <= countedOnRequestUpTo
                ? count(tx, null) : LicenseSummary.notCounted()));
    }

    /** Counts now and keeps the counts as of {@code at} (the licence refresh, once it has judged). */
    static void keep(Graph graph, Instant at) {
        LicenseSummary counted = graph.read(tx -> count(tx, at));
        Map<String, Object> params = new HashMap<>();
        params.put("at", dateTime(at));
        params.put("licenses", List.copyOf(counted.byLicense().keySet()));
        params.put("licenseModels", List.copyOf(counted.byLicense().values()));
        params.put("verdicts", List.copyOf(counted.byVerdict().keySet()));
        params.put("verdictModels", List.copyOf(counted.byVerdict().values()));
        List<LicenseSummary.Pair> pairs = counted.pairs();
        params.put("pairAncestors", pairs.stream().map(LicenseSummary.Pair::ancestorLicense).toList());
        params.put("pairLicenses", pairs.stream().map(p -> p.license() == null ? "" : p.license()).toList());
        params.put("pairModels", pairs.stream().map(LicenseSummary.Pair::models).toList());
        params.put("pairConflicts", pairs.stream().map(LicenseSummary.Pair::conflicts).toList());
        params.put("pairNaming", pairs.stream().map(LicenseSummary.Pair::naming).toList());
        params.put("pairUnknown", pairs.stream().map(LicenseSummary.Pair::unknown).toList());
        graph.write(tx -> tx.run(KEEP, params).consume());
    }

    static boolean kept(Graph graph) {
        return graph.read(tx -> kept(tx).isPresent());
    }

    private static Optional<LicenseSummary> kept(TransactionContext tx) {
        return tx.run(KEPT).stream().findFirst().map(r -> {
            Map<String, Long> byLicense = zip(strings(r.get("licenses")), longs(r.get("licenseModels")));
            Map<String, Long> byVerdict = zip(strings(r.get("verdicts")), longs(r.get("verdictModels")));
            List<String> licenses = strings(r.get("pairLicenses"));
            List<Long> models = longs(r.get("pairModels"));
            List<Long> conflicts = longs(r.get("pairConflicts"));
            List<Long> naming = longs(r.get("pairNaming"));
            List<Long> unknown = longs(r.get("pairUnknown"));
            List<String> ancestors = strings(r.get("pairAncestors"));
            List<LicenseSummary.Pair> pairs = new ArrayList<>(ancestors.size());
            for (int i = 0; i < ancestors.size(); i++) {
                pairs.add(new LicenseSummary.Pair(ancestors.get(i), licenses.get(i).isEmpty() ? null : licenses.get(i),
                        models.get(i), conflicts.get(i), naming.get(i), unknown.get(i)));
            }
            return new LicenseSummary(byLicense, byVerdict, pairs, instant(r.get("at")), true);
        });
    }

    private static LicenseSummary count(TransactionContext tx, Instant at) {
        Map<String, Long> byLicense = new LinkedHashMap<>();
        tx.run(BY_LICENSE).forEachRemaining(r -> byLicense.put(r.get("license").asString(), r.get("models").asLong()));
        Map<String, Long> byVerdict = new LinkedHashMap<>();
        for (String v : List.of(LicenseCheck.CONFLICT, LicenseCheck.NAMING, LicenseCheck.UNKNOWN, LicenseCheck.OK)) {
            byVerdict.put(v, 0L);
        }
        tx.run(BY_VERDICT).forEachRemaining(r -> byVerdict.put(r.get("verdict").asString(), r.get("models").asLong()));
        List<LicenseSummary.Pair> pairs = tx.run(PAIRS, Map.of("limit", MAX_PAIRS)).list(LicenseTotals::pair);
        return new LicenseSummary(byLicense, byVerdict, pairs, at, true);
    }

    private static LicenseSummary.Pair pair(Record r) {
        return new LicenseSummary.Pair(r.get("ancestorLicense").asString(),
                r.get("license").asString().isEmpty() ? null : r.get("license").asString(), r.get("models").asLong(),
                r.get("conflicts").asLong(), r.get("naming").asLong(), r.get("unknown").asLong());
    }

    private static List<Long> longs(Value v) {
        return v.isNull() ? List.of() : v.asList(Value::asLong);
    }

    private static Map<String, Long> zip(List<String> keys, List<Long> values) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), values.get(i));
        }
        return map;
    }
}
