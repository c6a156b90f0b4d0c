package org.llmtracker.crawler.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.llmtracker.crawler.inference.CollisionHub.Case;
import org.llmtracker.crawler.inference.Inference.Signal;
import org.llmtracker.graph.model.Relation;

/**
 * Precision where names collide, as on the real Hub ({@link CollisionHub}: same-named repos by other
 * organisations, older and newer, used more and less; mirrors; creators named by display name; suffixed
 * parents). Nothing is declared; cards are what the listing carries (front matter only: no README is read).
 * Prints precision, recall and the {@code ambiguous} count per relation, per confidence band and per
 * pattern, and one case where the creator or popularity decided; fails below 97% precision overall,
 * 95% precision and 80% recall on quantizations. Run alone with
 * {@code mvn -q test -pl graph,crawler -Dtest=CollisionReportTests -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CollisionReportTests {

    private static final double THRESHOLD = InferenceSettings.DEFAULT_MIN_CONFIDENCE;
    private static final double[] BANDS = {0.95, 0.9, 0.8, 0.6, 0.4, 0};
    /** Seeds: the report is the same every run, and a second seed shows it is no accident of one draw. */
    private static final long[] SEEDS = {20_261_206L, 7L};
    private static final int PER_PATTERN = 60;

    @Test
    void sameNamedCandidatesAreToldApartByCreatorAndPopularityAndCloseCallsStayAmbiguous() {
        for (long seed : SEEDS) {
            report(seed);
        }
    }

    private void report(long seed) {
        CollisionHub hub = CollisionHub.generate(seed, PER_PATTERN);
        ModelUniverse universe = new ModelUniverse();
        hub.repos().forEach(r -> universe.add(r.facts()));
        ParentFinder finder = new ParentFinder(new InferenceSettings(THRESHOLD, true, Integer.MAX_VALUE));
        // As the infer job does: every model once, learning creators' display names from what it settles,
        // then the collisions no creator settled once more.
        List<Outcome> outcomes = new ArrayList<>();
        List<Case> later = new ArrayList<>();
        for (Case c : hub.cases()) {
            Optional<Inference> inference = finder.infer(c.model().facts(), universe);
            if (inference.map(Inference::unattributed).orElse(false)) {
                later.add(c);
                continue;
            }
            inference.filter(i -> i.confidence() >= THRESHOLD && !i.ambiguous()).ifPresent(i -> finder.learn(c.model().facts(), i));
            outcomes.add(new Outcome(c, inference));
        }
        for (Case c : later) {
            outcomes.add(new Outcome(c, finder.infer(c.model().facts(), universe)));
        }
        System.out.printf(Locale.ROOT, "%n## Collision report, seed %d: %d cases among %d repos, threshold %.2f, %d searches%n%n", seed,
                outcomes.size(), hub.repos().size(), THRESHOLD, universe.searches());
        System.out.println("| relation | cases | inferred | right | precision | recall | ambiguous (no link) |");
        System.out.println("|---|---|---|---|---|---|---|");
        Score quantized = score(outcomes, o -> o.c().relation() == Relation.QUANTIZED, THRESHOLD, 1.01);
        quantized.print("QUANTIZED");
        score(outcomes, o -> o.c().relation() == Relation.FINETUNE, THRESHOLD, 1.01).print("FINETUNE");
        Score all = score(outcomes, o -> true, THRESHOLD, 1.01);
        all.print("all");

        System.out.println("\n| confidence band | inferred | right | precision | ambiguous |");
        System.out.println("|---|---|---|---|---|");
        for (int i = 0; i < BANDS.length; i++) {
            double low = BANDS[i];
            double high = i == 0 ? 1.01 : BANDS[i - 1];
            Score s = score(outcomes, o -> true, low, high);
            System.out.printf(Locale.ROOT, "| %.2f-%.2f | %d | %d | %s | %d |%n", low, Math.min(high, 1.0), s.inferred, s.right,
                    s.precision(), s.ambiguous);
        }
        System.out.println("\n| pattern | cases | inferred | right | precision | recall | ambiguous |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (CollisionHub.Pattern p : CollisionHub.Pattern.values()) {
            score(outcomes, o -> o.c().pattern().equals(p.name()), THRESHOLD, 1.01).print(p.name());
        }
        System.out.println("\n| signal (in links kept) | links | precision |");
        System.out.println("|---|---|---|");
        for (Signal signal : Signal.values()) {
            Score s = score(outcomes, o -> o.inference().map(i -> i.signals().contains(signal)).orElse(false), THRESHOLD, 1.01);
            System.out.printf(Locale.ROOT, "| %s | %d | %s |%n", signal, s.inferred, s.precision());
        }
        outcomes.stream().filter(o -> o.kept() && o.right() && o.c().pattern().startsWith("OLDER_IMPOSTOR_MORE"))
                .filter(o -> o.inference().get().signals().contains(Signal.CREATOR)).min(Comparator.comparing(o -> o.c().model().id()))
                .ifPresent(o -> System.out.println("\nCreator decided: " + o.c().model().id() + " -> " + o.inference().get().parent()
                        + " (" + o.inference().get().confidence() + "): " + String.join("; ", o.inference().get().evidence())));
        outcomes.stream().filter(o -> o.kept() && o.right() && o.c().pattern().equals("MIRRORS"))
                .filter(o -> o.inference().get().signals().contains(Signal.POPULARITY)).min(Comparator.comparing(o -> o.c().model().id()))
                .ifPresent(o -> System.out.println("Popularity decided: " + o.c().model().id() + " -> " + o.inference().get().parent()
                        + " (" + o.inference().get().confidence() + "): " + String.join("; ", o.inference().get().evidence())));
        outcomes.stream().filter(o -> !o.kept() && o.c().pattern().equals("LONE")).limit(5).forEach(o -> System.out.println("MISSED "
                + o.c().model().id() + " (truth " + o.c().truth() + "): " + o.inference().map(i -> i.parent() + " " + i.confidence() + " "
                + i.ambiguous() + " " + String.join("; ", i.evidence())).orElse("nothing")));
        outcomes.stream().filter(o -> o.kept() && !o.right()).limit(15).forEach(o -> System.out.println("WRONG [" + o.c().pattern() + "] "
                + o.c().model().id() + " -> " + o.inference().get().parent() + " " + o.inference().get().confidence() + " (truth "
                + o.c().truth() + "): " + String.join("; ", o.inference().get().evidence())));

        assertThat(all.precisionValue()).as("precision on the collision fixture, seed " + seed).isGreaterThanOrEqualTo(0.97);
        assertThat(quantized.precisionValue()).as("precision on quantizations, seed " + seed).isGreaterThanOrEqualTo(0.95);
        assertThat(quantized.recall()).as("recall on quantizations, seed " + seed).isGreaterThanOrEqualTo(0.80);
    }

    /** Links kept at {@code low..high}; ambiguous cases counted whatever their confidence ({@code low} the threshold) or in the band. */
    private static Score score(List<Outcome> outcomes, Predicate<Outcome> in, double low, double high) {
        boolean everyAmbiguous = low == THRESHOLD && high > 1;
        Score s = new Score();
        for (Outcome o : outcomes) {
            if (!in.test(o)) {
                continue;
            }
            s.cases++;
            double confidence = o.inference().map(Inference::confidence).orElse(-1.0);
            boolean ambiguous = o.inference().map(Inference::ambiguous).orElse(false);
            if (confidence >= low && confidence < high && !ambiguous) {
                s.inferred++;
                s.right += o.right() ? 1 : 0;
            }
            if (ambiguous && (everyAmbiguous || (confidence >= low && confidence < high))) {
                s.ambiguous++;
            }
        }
        return s;
    }

    private record Outcome(Case c, Optional<Inference> inference) {
        boolean right() {
            return inference.map(i -> i.parent().equalsIgnoreCase(c.truth())).orElse(false);
        }

        boolean kept() {
            return inference.map(i -> i.confidence() >= THRESHOLD && !i.ambiguous()).orElse(false);
        }
    }

    private static final class Score {
        int cases;
        int inferred;
        int right;
        int ambiguous;

        double precisionValue() {
            return inferred == 0 ? 1 : (double) right / inferred;
        }

        String precision() {
            return inferred == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * right / inferred);
        }

        double recall() {
            return cases == 0 ? 1 : (double) right / cases;
        }

        void print(String label) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %s | %.1f%% | %d |%n", label, cases, inferred, right, precision(),
                    100 * recall(), ambiguous);
        }
    }
}
