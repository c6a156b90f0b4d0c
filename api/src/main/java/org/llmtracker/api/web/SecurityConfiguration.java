package org.llmtracker.api.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what. Reads (GET, HEAD, OPTIONS) are public, except the whole-graph export and
 * the metrics; every other method on every path needs the admin, whatever the path looks like:
 * the rule is on the method, so no spelling of a path ({@code ;params}, {@code %61},
 * {@code //}, case) can turn a write into a public request. Spring Security's
 * {@code StrictHttpFirewall} (kept as it is) refuses URLs that are not in normal form before
 * any of this, with a problem+json 400.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String EXPORT = "/api/export";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AdminProperties admin, JsonMapper json)
            throws Exception {
        AdminBearerToken bearer = new AdminBearerToken(admin.token());
        ProblemResponses problems = new ProblemResponses(json);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // An error page, or the rest of a streamed answer (the export), belongs to a request
                        // already authorised (or refused) on its first dispatch.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        // Any method: MVC answers HEAD with the GET handler, which would run the export.
                        .requestMatchers(EXPORT).hasRole(AdminBearerToken.ROLE)
                        .requestMatchers(EndpointRequest.to("metrics")).hasRole(AdminBearerToken.ROLE)
                        .requestMatchers(HttpMethod.GET).permitAll()
                        .requestMatchers(HttpMethod.HEAD).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS).permitAll()
                        .anyRequest().hasRole(AdminBearerToken.ROLE))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> {
                            if (!bearer.configured()) {
                                problems.write(response, HttpStatus.FORBIDDEN, "Forbidden", "Writes are disabled: set "
                                        + "tracker.admin.token (env TRACKER_ADMIN_TOKEN) to enable them.");
                                return;
                            }
                            boolean presented = AdminBearerToken.presented(request.getHeader(HttpHeaders.AUTHORIZATION)) != null;
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented
                                    ? "Bearer realm=\"llm-tracker\", error=\"invalid_token\"" : "Bearer realm=\"llm-tracker\"");
                            problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                                    "This request needs the admin bearer token (Authorization: Bearer <token>).");
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN,
                                "Forbidden", "This request needs the admin.")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()));
        return http.build();
    }

    /**
     * Tomcat would refuse an encoded slash or backslash itself, with an HTML page; passed
     * through still encoded, the firewall refuses it with problem details like every other
     * URL out of normal form.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
        return connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        };
    }

    /** The container's own error pages carry the security headers too ({@link SecureErrorReportValve}). */
    @Bean
    TomcatContextCustomizer secureContainerErrorPages() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(SecureErrorReportValve.class.getName());
            }
        };
    }

    @Bean
    WebSecurityCustomizer firewallRefusalsAsProblems(JsonMapper json) {
        ProblemResponses problems = new ProblemResponses(json);
        RequestRejectedHandler handler = (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST,
                "Bad request", "The URL or a header is not in normal form and was refused: " + e.getMessage());
        return web -> web.requestRejectedHandler(handler);
    }
}
