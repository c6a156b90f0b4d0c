package org.llmtracker.api.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The languages pages and digests are written in, and how a request's wishes map onto them:
 * {@code zh}, {@code zh-CN}, {@code zh-Hans} and friends are Simplified Chinese; anything else
 * is English.
 */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    private Languages() {
    }

    /** The supported language a tag like {@code zh-CN}, {@code zh_cn} or {@code en-GB} asks for; null when none. */
    public static Locale of(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        Locale wanted = Locale.forLanguageTag(tag.trim().replace('_', '-'));
        return switch (wanted.getLanguage()) {
            case "zh" -> CHINESE;
            case "en" -> ENGLISH;
            default -> null;
        };
    }

    /** The first supported language of an {@code Accept-Language} header, by quality; null when none. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() > 0) {
                    Locale found = of(range.getRange());
                    if (found != null) {
                        return found;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return null; // a malformed header asks for nothing we can honour
        }
        return null;
    }

    /** The tag pages put in {@code ?lang=} and {@code <html lang>}: {@code en} or {@code zh-CN}. */
    public static String tag(Locale locale) {
        return CHINESE.equals(locale) ? "zh-CN" : "en";
    }
}
