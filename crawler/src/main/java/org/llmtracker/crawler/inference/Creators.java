package org.llmtracker.crawler.inference;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who made the original, as a quantizer's card says it, and whether a candidate's owner is that
 * maker. Cards name the creator by display name ({@code model_creator: "Caldera AI"}, "Model creator:
 * [Haoran Xu](https://huggingface.co/haoranxu)"), the Hub by organisation id ({@code CalderaAI},
 * {@code haoranxu}); after normalisation (case, spaces, punctuation, accents) most are one string,
 * and the rest are a prefix ({@code Meta} of {@code meta-llama}) or initials and a surname
 * ({@code Eric Hartford}, {@code ehartford}).
 */
final class Creators {

    /** How well a stated creator names an owner. */
    enum Match { EXACT, CLOSE, NONE }

    /** "Model creator: [Caldera AI](https://huggingface.co/CalderaAI)" or "Model creator: Caldera AI" in a card's prose. */
    private static final Pattern PROSE = Pattern.compile(
            "(?im)model creator:?\\**\\s*\\[?([^\\]\\n(]{2,60}?)\\]?\\s*(?:\\(https?://(?:www\\.)?huggingface\\.co/([A-Za-z0-9][A-Za-z0-9._-]*)/?\\)|$|\\n)");
    private static final Pattern OWNER_LINK = Pattern.compile("https?://(?:www\\.)?huggingface\\.co/([A-Za-z0-9][A-Za-z0-9._-]*)/?(?:[)\\s]|$)");

    private Creators() {
    }

    /** The creators the model's card states: the listed {@code model_creator}, and the card prose's "Model creator" line. */
    static List<String> stated(ModelFacts child) {
        Set<String> names = new LinkedHashSet<>();
        if (child.listed() != null && child.listed().creator() != null) {
            names.add(child.listed().creator());
        }
        if (child.card() != null) {
            Matcher m = PROSE.matcher(child.card());
            while (m.find() && names.size() < 4) {
                String shown = m.group(1).replaceAll("[*`\"]", "").trim();
                if (!shown.isEmpty() && !shown.startsWith("http")) {
                    names.add(shown);
                }
                if (m.group(2) != null) {
                    names.add(m.group(2));
                } else if (shown.startsWith("http")) {
                    Matcher link = OWNER_LINK.matcher(shown + " ");
                    if (link.find()) {
                        names.add(link.group(1));
                    }
                }
            }
        }
        String quantizer = child.listed() == null ? null : child.listed().quantizedBy();
        // A quantizer that names itself as the creator says nothing about which original it used.
        names.removeIf(n -> quantizer != null && normal(n).equals(normal(quantizer)));
        return List.copyOf(names);
    }

    /** The best match of any stated creator with the candidate's owner id or its publisher's names. */
    static Match match(List<String> creators, ModelFacts candidate) {
        List<String> owners = new ArrayList<>();
        String id = candidate.id();
        if (id.contains("/")) {
            owners.add(id.substring(0, id.indexOf('/')));
        }
        owners.addAll(candidate.publishers());
        Match best = Match.NONE;
        for (String creator : creators) {
            for (String owner : owners) {
                Match m = match(creator, owner);
                if (m == Match.EXACT) {
                    return m;
                }
                if (m == Match.CLOSE) {
                    best = m;
                }
            }
        }
        return best;
    }

    static Match match(String creator, String owner) {
        String c = normal(creator);
        String o = normal(owner);
        if (c.length() < 2 || o.length() < 2) {
            return Match.NONE;
        }
        if (c.equals(o)) {
            return Match.EXACT;
        }
        String shorter = c.length() < o.length() ? c : o;
        String longer = shorter == c ? o : c;
        if (shorter.length() >= 4 && longer.startsWith(shorter)) {
            return Match.CLOSE;
        }
        List<String> words = words(creator);
        if (words.size() >= 2) {
            StringBuilder initials = new StringBuilder();
            words.subList(0, words.size() - 1).forEach(w -> initials.append(w.charAt(0)));
            String last = words.get(words.size() - 1);
            if (o.equals(initials + last) || o.equals(words.get(0) + last.charAt(0)) || (last.length() >= 5 && o.equals(last))) {
                return Match.CLOSE;
            }
        }
        return Match.NONE;
    }

    /** Lower case, accents off, letters and digits only: "Caldera AI" and "CalderaAI" are both "calderaai". */
    static String normal(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static List<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String w : plain.split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
