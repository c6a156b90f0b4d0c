package org.llmtracker.api.i18n;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The words of one language: the project's messages ({@code messages*.properties}) in one
 * locale. Pages get the request's locale; delivered digests {@code tracker.digest.locale}.
 */
public record Texts(MessageSource messages, Locale locale) {

    public String get(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** A licence verdict ({@code conflict}, {@code naming}, {@code unknown}, {@code ok}) in words; an unknown one as is. */
    public String licenseVerdict(String verdict) {
        return verdict == null ? "–" : messages.getMessage("licenses.verdict." + verdict, null, verdict, locale);
    }

    /**
     * Why a licence was judged so, in words: the judge's reason keys ({@code permissive-over-restrictive},
     * {@code name-must-begin-with-Llama}, ...); a key this version does not know stays as is.
     */
    public String licenseReason(String reason) {
        if (reason == null) {
            return "–";
        }
        String naming = "name-must-begin-with-";
        if (reason.startsWith(naming)) {
            return get("licenses.reason.name-must-begin-with", reason.substring(naming.length()));
        }
        return messages.getMessage("licenses.reason." + reason, null, reason, locale);
    }

    /** Whether this is Chinese: the few places where word order or spacing differ ask this. */
    public boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }
}
