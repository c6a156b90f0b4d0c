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

    /** Whether this is Chinese: the few places where word order or spacing differ ask this. */
    public boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }
}
