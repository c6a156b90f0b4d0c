package org.llmtracker.graph.license;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The licences whose terms are known, and the Hub's licence id for the many ways cards spell one:
 * {@code Apache-2.0}, {@code apache 2.0} and {@code apache2} are {@code apache-2.0}; a card's
 * {@code license: other} with {@code license_name: llama3} is {@code llama3}. An id the book does
 * not know stays as written (lower case), its terms unknown; no licence stays no licence.
 */
public final class LicenseBook {

    private final Map<String, LicenseTerms> byId = new LinkedHashMap<>();
    private final Map<String, String> bySpelling = new HashMap<>();
    private final Map<String, String> byLink = new LinkedHashMap<>();
    private final String fingerprint;

    public LicenseBook(Collection<LicenseTerms> terms) {
        for (LicenseTerms t : terms) {
            byId.put(t.id().toLowerCase(Locale.ROOT), t);
        }
        // Ids first, then aliases: an alias never takes over another licence's own id.
        byId.values().forEach(t -> t.aliases().forEach(a -> bySpelling.putIfAbsent(compact(a), t.id())));
        byId.values().forEach(t -> bySpelling.put(compact(t.id()), t.id()));
        byId.values().forEach(t -> t.links().forEach(l -> byLink.putIfAbsent(l.toLowerCase(Locale.ROOT), t.id())));
        this.fingerprint = digest(byId.values().toString());
    }

    public Optional<LicenseTerms> terms(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public Collection<LicenseTerms> all() {
        return byId.values();
    }

    /** Changes whenever any licence's terms change: stored verdicts made under other terms are stale. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The Hub's id for one spelling; an unknown spelling as written (trimmed, lower case); blank: null. */
    public String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String known = known(raw);
        return known != null ? known : raw.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A model's licence: the Hub's tag; for a catch-all tag, what the card's {@code license_name}
     * or {@code license_link} names, when the book knows it; without a tag, the catalogue's.
     */
    public String resolve(String hubTag, String cardName, String cardLink, String catalogue) {
        String id = normalise(hubTag);
        if (id == null) {
            return normalise(catalogue);
        }
        if (terms(id).map(LicenseTerms::catchAll).orElse(false)) {
            String named = cardName == null ? null : known(cardName);
            if (named != null && !terms(named).get().catchAll()) {
                return named;
            }
            String linked = linked(cardLink);
            if (linked != null) {
                return linked;
            }
        }
        return id;
    }

    private String known(String raw) {
        String id = bySpelling.get(compact(raw));
        if (id == null) {
            // "Llama 3.1 Community License Agreement", "Apache License, Version 2.0": the words around the name.
            String bare = compact(WORDS.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll(" "));
            id = bare.isEmpty() ? null : bySpelling.get(bare);
        }
        return id;
    }

    private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile(
            "\\b(the|licen[cs]es?|version|agreement|community)\\b|\\bv(?=\\d)");

    private String linked(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String lower = link.toLowerCase(Locale.ROOT);
        return byLink.entrySet().stream().filter(e -> lower.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** Case, spaces and the separators cards use between words and versions do not matter; '+' does. */
    static String compact(String raw) {
        return raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+]", "");
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
