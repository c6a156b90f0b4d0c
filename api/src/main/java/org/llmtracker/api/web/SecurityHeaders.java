package org.llmtracker.api.web;

import java.util.Map;

/**
 * The headers every response carries. The web page the app serves is built to this policy: its
 * scripts and styles are files from this origin, never inline, so a stored upstream text that
 * slips through escaping still cannot run. {@code no-referrer}: the pages link out to GitHub,
 * the Hub and arXiv, and an install on an intranet host should not tell them its addresses and
 * paths; nothing here reads {@code Referer} (writes are authorised by a bearer token, not by
 * where a form came from).
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String REFERRER_POLICY = "no-referrer";

    /** What Spring Security's header writer adds, for responses written before it runs. */
    static final Map<String, String> STATIC = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", REFERRER_POLICY);

    private SecurityHeaders() {
    }
}
