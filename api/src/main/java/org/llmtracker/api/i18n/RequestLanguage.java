package org.llmtracker.api.i18n;

import java.time.Duration;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request's language: {@code ?lang=zh-CN} (or {@code en}) when given, else the language a
 * reader chose earlier by that link (a {@code lang} cookie), else {@code Accept-Language}, else
 * English. The link a page shows to switch sets the cookie, so the next page stays in the chosen
 * language; nothing else about a reader is kept.
 */
public final class RequestLanguage implements LocaleResolver, HandlerInterceptor {

    public static final String PARAM = "lang";
    static final String COOKIE = "lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale asked = Languages.of(request.getParameter(PARAM));
        if (asked != null) {
            return asked;
        }
        Locale chosen = chosen(request);
        if (chosen != null) {
            return chosen;
        }
        Locale accepted = Languages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return accepted == null ? Languages.ENGLISH : accepted;
    }

    /** The language the request names itself ({@code ?lang}, cookie, {@code Accept-Language}); null when none. */
    public static Locale named(HttpServletRequest request) {
        Locale asked = Languages.of(request.getParameter(PARAM));
        if (asked == null) {
            asked = chosen(request);
        }
        return asked != null ? asked : Languages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static Locale chosen(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return Languages.of(cookie.getValue());
            }
        }
        return null;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language follows ?lang=, the lang cookie or Accept-Language");
    }

    /** Keeps a page's {@code ?lang=} choice for the pages that follow. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Locale asked = Languages.of(request.getParameter(PARAM));
        if (asked != null && !request.getRequestURI().startsWith("/api/")) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, Languages.tag(asked)).path("/")
                    .maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build().toString());
        }
        // Pages differ by language: a cache in between must keep them apart.
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        return true;
    }
}
