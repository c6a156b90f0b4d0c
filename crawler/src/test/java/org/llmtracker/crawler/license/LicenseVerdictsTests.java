package org.llmtracker.crawler.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtracker.graph.inference.InferredLink;
import org.llmtracker.graph.inference.InferredLinks;
import org.llmtracker.graph.license.LicenseBook;
import org.llmtracker.graph.license.LicenseCheck;
import org.llmtracker.graph.license.LicenseQueries;
import org.llmtracker.graph.license.LicenseSummary;
import org.llmtracker.graph.license.LicenseVerdicts;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;

/** Each verdict rule on small graphs written by the sweep's writer, judged by the stored refresh. */
@Neo4jTest
class LicenseVerdictsTests {

    private static final LicenseBook BOOK = new LicenseTermsYaml().load(null);

    private static LicenseCheck verdict(Graph graph, String id) {
        var r = graph.read(tx -> tx.run("""
                MATCH (m:Model {id: toLower($id)})
                RETURN m.licenseVerdict AS v, m.licenseAncestor AS a, m.licenseAncestorLicense AS al, m.licenseReason AS r,
                       m.licenseDepth AS d, m:LicenseConflict AS labelled
                """, Map.of("id", id)).single());
        if (r.get("v").isNull()) {
            return null;
        }
        assertThat(r.get("labelled").asBoolean()).as("conflict label of %s", id).isEqualTo("conflict".equals(r.get("v").asString()));
        return new LicenseCheck(r.get("v").asString(), r.get("a").asString(null), r.get("al").asString(null),
                r.get("r").asString(), r.get("d").isNull() ? null : r.get("d").asInt());
    }

    private static LicenseVerdicts.Refreshed refresh(Graph graph, LicenseBook book) {
        return new LicenseVerdicts(graph, book, 3).refresh(SmallHub.NOW);
    }

    @Test
    void aPermissiveLicenceOverARestrictiveOneIsAConflict(Graph graph) {
        new SmallHub(graph).model("meta-llama/Meta-Llama-3-8B", "llama3")
                .model("someone/Llama-3-8B-chat", "apache-2.0", "meta-llama/Meta-Llama-3-8B").write();
        refresh(graph, BOOK);

        assertThat(verdict(graph, "someone/Llama-3-8B-chat")).isEqualTo(new LicenseCheck("conflict",
                "meta-llama/meta-llama-3-8b", "llama3", "permissive-over-restrictive", 1));
        assertThat(verdict(graph, "meta-llama/Meta-Llama-3-8B")).as("a root has nothing to be judged against").isNull();
    }

    @Test
    void anotherRestrictiveFamilyCommercialUseOverNonCommercialAndShareAlikeDroppedAreConflicts(Graph graph) {
        new SmallHub(graph).model("meta-llama/Llama-3.1-8B", "llama3.1")
                .model("sd/Llama-3.1-rail", "creativeml-openrail-m", "meta-llama/Llama-3.1-8B")
                .model("lab/nc-base", "cc-by-nc-4.0")
                .model("lab/sa-over-nc", "cc-by-sa-4.0", "lab/nc-base")
                .model("lab/nc-sa-base", "cc-by-nc-sa-4.0")
                .model("lab/nc-over-nc-sa", "cc-by-nc-4.0", "lab/nc-sa-base")
                .model("lab/nc-kept", "cc-by-nc-4.0", "lab/nc-base").write();
        refresh(graph, BOOK);

        assertThat(verdict(graph, "sd/Llama-3.1-rail").reason()).isEqualTo("different-family");
        assertThat(verdict(graph, "lab/sa-over-nc").reason()).isEqualTo("commercial-over-noncommercial");
        assertThat(verdict(graph, "lab/nc-over-nc-sa").reason()).isEqualTo("share-alike-dropped");
        assertThat(verdict(graph, "lab/nc-kept").verdict()).isEqualTo("ok");
    }

    @Test
    void anyDerivativeOfANoDerivativesModelIsAConflictEvenUnderTheSameLicence(Graph graph) {
        new SmallHub(graph).model("lab/nd", "cc-by-nc-nd-4.0").model("x/same", "cc-by-nc-nd-4.0", "lab/nd").write();
        refresh(graph, BOOK);

        assertThat(verdict(graph, "x/same").reason()).isEqualTo("no-derivatives");
    }

    @Test
    void llama3xDerivativesMustBeginTheirNameWithLlamaUnlessMetaPublishesThem(Graph graph) {
        new SmallHub(graph).model("meta-llama/Llama-3.1-8B", "llama3.1")
                .model("meta-llama/Meta-Llama-3.1-8B-Instruct", "llama3.1", "meta-llama/Llama-3.1-8B")
                .model("nous/Hermes-3-8B", "llama3", "meta-llama/Llama-3.1-8B")
                .model("nous/llama-3.1-hermes", "llama3.1", "meta-llama/Llama-3.1-8B").write();
        refresh(graph, BOOK);

        assertThat(verdict(graph, "nous/Hermes-3-8B")).isEqualTo(new LicenseCheck("naming", "meta-llama/llama-3.1-8b",
                "llama3.1", "name-must-begin-with-Llama", 1));
        assertThat(verdict(graph, "nous/llama-3.1-hermes").verdict()).as("llama3 and llama3.1 are one family").isEqualTo("ok");
        assertThat(verdict(graph, "meta-llama/Meta-Llama-3.1-8B-Instruct").verdict()).isEqualTo("ok");
    }

    @Test
    void otherUnknownOrMissingOnEitherSideIsUnknown(Graph graph) {
        new SmallHub(graph).model("google/gemma-2-9b", "gemma")
                .model("a/no-licence", null, "google/gemma-2-9b")
                .model("b/custom", "other", "google/gemma-2-9b")
                .model("c/custom-base", "other")
                .model("d/apache-over-custom", "apache-2.0", "c/custom-base")
                .model("e/apache-over-apache", "apache-2.0", "d/apache-over-custom").write();
        refresh(graph, BOOK);

        assertThat(verdict(graph, "a/no-licence").reason()).isEqualTo("license-missing");
        assertThat(verdict(graph, "b/custom").reason()).isEqualTo("license-terms-unknown");
        assertThat(verdict(graph, "d/apache-over-custom"))
                .isEqualTo(new LicenseCheck("unknown", "c/custom-base", "other", "ancestor-terms-unknown", 1));
        assertThat(verdict(graph, "e/apache-over-apache").depth()).as("judged against the custom licence two up").isEqualTo(2);
    }

    @Test
    void aCardsLicenceNameOrLinkResolvesTheHubsOther(Graph graph) {
        SmallHub hub = new SmallHub(graph).model("meta-llama/Meta-Llama-3-8B", "other")
                .model("x/Llama-3-kept", "other", "meta-llama/Meta-Llama-3-8B")
                .model("y/apache", "apache-2.0", "meta-llama/Meta-Llama-3-8B").write();
        hub.card("meta-llama/Meta-Llama-3-8B", "llama3", "LICENSE");
        hub.card("x/Llama-3-kept", "custom", "https://llama.meta.com/llama3/license/");
        refresh(graph, BOOK);

        assertThat(verdict(graph, "y/apache").ancestorLicense()).isEqualTo("llama3");
        assertThat(verdict(graph, "y/apache").verdict()).isEqualTo("conflict");
        assertThat(verdict(graph, "x/Llama-3-kept").verdict()).isEqualTo("ok");
    }

    @Test
    void aRelicensedMiddleModelPassesTheDroppedTermsOnToItsChildren(Graph graph) {
        new SmallHub(graph).model("meta-llama/Meta-Llama-3-8B", "llama3")
                .model("mid/Llama-3-base-apache", "apache-2.0", "meta-llama/Meta-Llama-3-8B")
                .model("kid/Llama-3-chat", "apache-2.0", "mid/Llama-3-base-apache")
                .model("kid/Llama-3-chat-nc", "cc-by-nc-4.0", "mid/Llama-3-base-apache")
                .model("grandkid/Llama-3-chat-GGUF", "llama3", "kid/Llama-3-chat").write();
        refresh(graph, BOOK);

        assertThat(verdict(graph, "mid/Llama-3-base-apache").depth()).isEqualTo(1);
        assertThat(verdict(graph, "kid/Llama-3-chat")).isEqualTo(new LicenseCheck("conflict",
                "meta-llama/meta-llama-3-8b", "llama3", "permissive-over-restrictive", 2));
        assertThat(verdict(graph, "kid/Llama-3-chat-nc").reason()).isEqualTo("different-family");
        assertThat(verdict(graph, "grandkid/Llama-3-chat-GGUF").verdict()).as("restores the Llama terms").isEqualTo("ok");
    }

    @Test
    void aMergeIsJudgedAgainstEveryParent(Graph graph) {
        new SmallHub(graph).model("meta-llama/Llama-3.1-8B", "llama3.1").model("google/gemma-2-9b", "gemma")
                .model("m/Llama-gemma-merge", "llama3.1", "meta-llama/Llama-3.1-8B", "google/gemma-2-9b")
                .model("mistralai/Mistral-7B-v0.1", "apache-2.0")
                .model("m/Llama-mistral-merge", "llama3.1", "meta-llama/Llama-3.1-8B", "mistralai/Mistral-7B-v0.1").write();
        refresh(graph, BOOK);

        assertThat(verdict(graph, "m/Llama-gemma-merge")).isEqualTo(new LicenseCheck("conflict", "google/gemma-2-9b",
                "gemma", "different-family", 1));
        assertThat(verdict(graph, "m/Llama-mistral-merge").verdict()).isEqualTo("ok");
    }

    @Test
    void aLicenceThatArrivesLaterRejudgesEverythingBelow(Graph graph) {
        SmallHub hub = new SmallHub(graph);
        hub.model("kid/Llama-3-ft", "mit", "meta-llama/Meta-Llama-3-8B")
                .model("grandkid/Llama-3-ft-q4", "mit", "kid/Llama-3-ft").write();
        refresh(graph, BOOK);
        assertThat(verdict(graph, "grandkid/Llama-3-ft-q4").verdict()).as("the base is a stub without licence yet").isEqualTo("ok");

        hub.model("meta-llama/Meta-Llama-3-8B", "llama3").write();
        LicenseVerdicts.Refreshed done = refresh(graph, BOOK);

        assertThat(done.relicensed()).isEqualTo(1);
        assertThat(verdict(graph, "grandkid/Llama-3-ft-q4")).isEqualTo(new LicenseCheck("conflict",
                "meta-llama/meta-llama-3-8b", "llama3", "permissive-over-restrictive", 2));
        assertThat(refresh(graph, BOOK).judged()).as("nothing left marked").isZero();
    }

    @Test
    void theSummaryIsWhatTheLastRefreshThatJudgedCountedAndARequestNeverCountsALargeStore(Graph graph) {
        SmallHub hub = new SmallHub(graph);
        hub.model("meta-llama/Meta-Llama-3-8B", "llama3").model("a/Llama-3-chat", "apache-2.0", "meta-llama/Meta-Llama-3-8B")
                .model("b/Llama-3-ft", "llama3", "meta-llama/Meta-Llama-3-8B").write();
        LicenseQueries small = new LicenseQueries(graph, BOOK);
        LicenseQueries large = new LicenseQueries(graph, BOOK, 2);
        assertThat(large.summary().counted()).as("three models are too many to count on request here").isFalse();
        assertThat(small.summary().byLicense()).as("counted on request: nothing judged yet").isEmpty();

        new LicenseVerdicts(graph, BOOK, 3).refresh(SmallHub.NOW);
        hub.model("c/Llama-3-mit", "mit", "meta-llama/Meta-Llama-3-8B").write();
        LicenseSummary kept = large.summary();

        assertThat(kept.counted()).isTrue();
        assertThat(kept.countedAt()).isEqualTo(SmallHub.NOW);
        assertThat(kept.byLicense()).containsExactly(entry("llama3", 2L), entry("apache-2.0", 1L));
        assertThat(kept.byVerdict()).containsEntry("conflict", 1L).containsEntry("ok", 1L);
        assertThat(kept.pairs()).containsExactly(new LicenseSummary.Pair("llama3", "apache-2.0", 1, 1, 0, 0),
                new LicenseSummary.Pair("llama3", "llama3", 1, 0, 0, 0));
        assertThat(small.summary()).as("the kept counts, not a count of the store as it is now").isEqualTo(kept);

        Instant later = SmallHub.NOW.plusSeconds(600);
        new LicenseVerdicts(graph, BOOK, 3).refresh(later);
        LicenseSummary recounted = large.summary();
        assertThat(recounted.countedAt()).isEqualTo(later);
        assertThat(recounted.byLicense()).containsEntry("mit", 1L);
        assertThat(recounted.byVerdict()).containsEntry("conflict", 2L);

        new LicenseVerdicts(graph, BOOK, 3).refresh(later.plusSeconds(600));
        assertThat(large.summary().countedAt()).as("a refresh that judged nothing keeps the counts").isEqualTo(later);
    }

    @Test
    void aFirstRefreshJudgesEachModelOnceThoughItMeetsTheChildrenBeforeTheirParents(Graph graph) {
        // Written children first, as the Hub lists them: the marks come back deepest model first.
        SmallHub hub = new SmallHub(graph);
        for (int depth = 6; depth >= 1; depth--) {
            hub.model("lab/Llama-3-ft-" + depth, "mit", depth == 1 ? "meta-llama/Meta-Llama-3-8B" : "lab/Llama-3-ft-" + (depth - 1));
        }
        hub.model("meta-llama/Meta-Llama-3-8B", "llama3").write();

        LicenseVerdicts.Refreshed done = new LicenseVerdicts(graph, BOOK, 1).refresh(SmallHub.NOW);

        assertThat(done.judged()).as("seven models, each judged once").isEqualTo(7);
        assertThat(verdict(graph, "lab/Llama-3-ft-6")).isEqualTo(new LicenseCheck("conflict",
                "meta-llama/meta-llama-3-8b", "llama3", "permissive-over-restrictive", 6));
    }

    @Test
    void aMarkJudgingCannotFindIsClearedAndTheRefreshEnds(Graph graph) {
        new SmallHub(graph).model("meta-llama/Meta-Llama-3-8B", "llama3")
                .model("someone/Llama-3-8B-chat", "apache-2.0", "meta-llama/Meta-Llama-3-8B").write();
        // what a merge can leave: the mark on a node that is no longer a model
        graph.write(tx -> tx.run("CREATE (:LicenseStale {id: 'merged/away'})").consume());

        LicenseVerdicts.Refreshed done = new LicenseVerdicts(graph, BOOK, 1).refresh(SmallHub.NOW);

        assertThat(done.judged()).isEqualTo(2);
        long marked = graph.read(tx -> tx.run("MATCH (m:LicenseStale) RETURN count(m) AS n").single().get("n").asLong());
        assertThat(marked).isZero();
    }

    @Test
    void inferredLinksCountOnlyWithEvidenceAll(Graph graph) {
        new SmallHub(graph).model("meta-llama/Meta-Llama-3-8B", "llama3").model("guess/llama3-finetune", "apache-2.0").write();
        new InferredLinks(graph).record(List.of(new InferredLinks.Decision("guess/llama3-finetune", new InferredLink(
                "guess/llama3-finetune", "meta-llama/Meta-Llama-3-8B", Relation.FINETUNE, 0.9, List.of("name")))),
                SmallHub.NOW);
        refresh(graph, BOOK);

        assertThat(verdict(graph, "guess/llama3-finetune")).as("declared lineage only").isNull();
        LicenseQueries queries = new LicenseQueries(graph, BOOK);
        assertThat(queries.check("guess/llama3-finetune", true).orElseThrow().check()).isNull();
        assertThat(queries.check("guess/llama3-finetune", false).orElseThrow().check().verdict()).isEqualTo("conflict");
    }

    @Test
    void aUsersOverrideOfOneLicenceChangesTheVerdictsAtTheNextRefresh(Graph graph, @TempDir Path dir) throws Exception {
        new SmallHub(graph).model("lab/cc-by-base", "cc-by-4.0").model("x/apache-ft", "apache-2.0", "lab/cc-by-base").write();
        LicenseVerdicts shipped = new LicenseVerdicts(graph, BOOK, 3);
        shipped.ensure();
        shipped.refresh(SmallHub.NOW);
        assertThat(verdict(graph, "x/apache-ft").verdict()).isEqualTo("ok");

        Path file = dir.resolve("licenses.yaml");
        Files.writeString(file, """
                licenses:
                  - id: cc-by-4.0
                    restrictive: true
                    family: cc-by
                """);
        LicenseBook overridden = new LicenseTermsYaml().load(file);
        LicenseVerdicts verdicts = new LicenseVerdicts(graph, overridden, 3);
        assertThat(verdicts.ensure()).as("the terms changed: everything is judged again").isTrue();
        verdicts.refresh(SmallHub.NOW);

        assertThat(overridden.terms("cc-by-4.0").orElseThrow().link()).as("fields not overridden stay")
                .isEqualTo(BOOK.terms("cc-by-4.0").orElseThrow().link());
        assertThat(verdict(graph, "x/apache-ft").reason()).isEqualTo("permissive-over-restrictive");
        assertThat(verdicts.ensure()).isFalse();
    }
}
