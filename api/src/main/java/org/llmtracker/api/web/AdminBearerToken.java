package org.llmtracker.api.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates the admin from {@code Authorization: Bearer <tracker.admin.token>} (the scheme
 * in any case, RFC 9110). It only authenticates: what needs the admin is decided by the
 * authorisation rules, so a wrong token on a public read still reads. Tokens are compared as
 * SHA-256 digests, so the comparison takes the same time whatever they hold and however long.
 */
final class AdminBearerToken extends OncePerRequestFilter {

    static final String ROLE = "ADMIN";
    private static final String SCHEME = "bearer";

    private final byte[] expected;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    /** @param token the configured token; null or blank means nobody is admin */
    AdminBearerToken(String token) {
        this.expected = token == null || token.isBlank() ? null : digest(token);
    }

    boolean configured() {
        return expected != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presented(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (expected != null && presented != null && MessageDigest.isEqual(expected, digest(presented))) {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /** The credentials of a bearer Authorization header; null for none or another scheme. */
    static String presented(String header) {
        if (header == null) {
            return null;
        }
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return null;
        }
        String credentials = trimmed.substring(space + 1).strip();
        return credentials.isEmpty() ? null : credentials;
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
