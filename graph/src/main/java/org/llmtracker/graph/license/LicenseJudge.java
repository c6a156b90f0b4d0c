package org.llmtracker.graph.license;

import java.util.List;
import java.util.Locale;

/**
 * The verdict rules, over a model and the lines of its lineage (one per parent, a merge has
 * several). On each line every ancestor under restrictive terms is a licence the model must keep;
 * the worst verdict wins, told against the nearest ancestor that gives it, so a model below a
 * relicensed middle is still judged against the terms the middle dropped.
 *
 * <ul>
 * <li>{@code conflict}: the model's licence drops those terms: a derivative of a no-derivatives
 * licence, a permissive licence over a restrictive one, commercial use over a non-commercial licence, another restrictive family
 * or share-alike dropped;</li>
 * <li>{@code naming}: the terms are kept but the name does not begin as the licence asks (Llama
 * 3.x: "Llama"), unless the model comes from the ancestor's own publisher;</li>
 * <li>{@code unknown}: the model's licence is missing, {@code other}/{@code unknown} or not in the
 * book, or no ancestor's terms are known but one's licence is such a catch-all;</li>
 * <li>{@code ok}: otherwise.</li>
 * </ul>
 */
public final class LicenseJudge {

    private final LicenseBook book;

    public LicenseJudge(LicenseBook book) {
        this.book = book;
    }

    /** The model being judged: its id, owner (Hub namespace), name as published, licence id. */
    public record Subject(String id, String owner, String name, String license) {
    }

    /** An ancestor on a line, at its distance from the model. */
    public record Ancestor(String id, String owner, String license, int depth) {
    }

    /** A verdict; null when the model has no ancestor on any line. */
    public LicenseCheck judge(Subject model, List<List<Ancestor>> lines) {
        LicenseCheck worst = null;
        for (List<Ancestor> line : lines) {
            for (Ancestor a : line) {
                LicenseCheck check = against(model, a);
                if (check != null && better(check, worst)) {
                    worst = check;
                }
            }
        }
        if (worst != null) {
            return worst;
        }
        boolean any = lines.stream().anyMatch(l -> !l.isEmpty());
        if (!any) {
            return null;
        }
        Ancestor unknown = lines.stream().flatMap(List::stream).filter(a -> a.license() != null && !knownTerms(a.license()))
                .min(java.util.Comparator.comparingInt(Ancestor::depth).thenComparing(Ancestor::id)).orElse(null);
        if (unknown != null) {
            return new LicenseCheck(LicenseCheck.UNKNOWN, unknown.id(), unknown.license(), "ancestor-terms-unknown",
                    unknown.depth());
        }
        return new LicenseCheck(LicenseCheck.OK, null, null, "no-restrictive-ancestor", null);
    }

    /** Worse, or as bad and nearer (then the smaller id, so the answer never depends on read order). */
    private static boolean better(LicenseCheck candidate, LicenseCheck worst) {
        if (worst == null || candidate.severity() != worst.severity()) {
            return worst == null || candidate.severity() > worst.severity();
        }
        int byDepth = Integer.compare(candidate.depth(), worst.depth());
        return byDepth < 0 || byDepth == 0 && candidate.ancestor().compareTo(worst.ancestor()) < 0;
    }

    /** The verdict against one ancestor; null when its licence asks nothing of a derivative (or is not known). */
    private LicenseCheck against(Subject model, Ancestor a) {
        LicenseTerms up = book.terms(a.license()).orElse(null);
        if (up == null || up.catchAll() || !up.restrictive()) {
            return null;
        }
        LicenseTerms own = book.terms(model.license()).orElse(null);
        String reason;
        String verdict = LicenseCheck.CONFLICT;
        if (model.license() == null) {
            verdict = LicenseCheck.UNKNOWN;
            reason = "license-missing";
        } else if (own == null || own.catchAll()) {
            verdict = LicenseCheck.UNKNOWN;
            reason = "license-terms-unknown";
        } else if (!up.derivatives()) {
            reason = "no-derivatives";
        } else if (!own.restrictive()) {
            reason = "permissive-over-restrictive";
        } else if (own.commercial() && !up.commercial()) {
            reason = "commercial-over-noncommercial";
        } else if (!own.family().equals(up.family())) {
            reason = "different-family";
        } else if (up.shareAlike() && !own.shareAlike()) {
            reason = "share-alike-dropped";
        } else if (up.naming() != null && !startsWith(model.name(), up.naming()) && !sameOwner(model.owner(), a.owner())) {
            verdict = LicenseCheck.NAMING;
            reason = "name-must-begin-with-" + up.naming();
        } else {
            verdict = LicenseCheck.OK;
            reason = "terms-kept";
        }
        return new LicenseCheck(verdict, a.id(), a.license(), reason, a.depth());
    }

    private boolean knownTerms(String license) {
        return book.terms(license).map(t -> !t.catchAll()).orElse(false);
    }

    private static boolean startsWith(String name, String prefix) {
        return name != null && name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
    }

    private static boolean sameOwner(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }
}
