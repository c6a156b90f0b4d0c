package org.llmtracker.api.site;

import java.util.Locale;

import org.llmtracker.api.i18n.Languages;
import org.llmtracker.api.i18n.RequestLanguage;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The page's language ({@code tag}, for {@code <html lang>}) and a link to the same page in the
 * other one: the same path and query, with {@code lang} set.
 *
 * @param name the other language's name, written in that language (中文, English)
 */
public record LanguageLink(String tag, String otherTag, String name, String href) {

    static LanguageLink of(Locale current, HttpServletRequest request, MessageSource messages) {
        Locale other = Languages.CHINESE.equals(current) ? Languages.ENGLISH : Languages.CHINESE;
        String href = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam(RequestLanguage.PARAM, Languages.tag(other)).build().toUriString();
        return new LanguageLink(Languages.tag(current), Languages.tag(other),
                messages.getMessage("language.name", null, other), href);
    }
}
