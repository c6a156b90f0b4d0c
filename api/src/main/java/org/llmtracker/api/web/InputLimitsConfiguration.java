package org.llmtracker.api.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds on what a request may bring and take: body sizes here, strict JSON in {@link JsonBodies},
 * parameters in {@link Params}, and how many pages are read at once ({@link PageTurns}).
 */
@Configuration(proxyBeanMethods = false)
class InputLimitsConfiguration {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ApiProperties api, JsonMapper json) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(
                api.maxBodyKb() * 1024L, api.maxTableImportKb() * 1024L, new ProblemResponses(json)));
        // After the security chain: a request without the admin token is refused before its body is read.
        registration.setOrder(0);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PageTurns> pageTurns(ApiProperties api, JsonMapper json) {
        FilterRegistrationBean<PageTurns> registration = new FilterRegistrationBean<>(new PageTurns(
                PageTurns.concurrent(api.concurrentPages()), api.pageWait(), new ProblemResponses(json)));
        // After the body limit: a refused request never waits for a turn.
        registration.setOrder(1);
        return registration;
    }

    @Bean
    JsonBodies jsonBodies(JsonMapper json) {
        return new JsonBodies(json);
    }
}
