package org.llmtracker.api.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** Bounds on what a request may bring: body sizes here, strict JSON in {@link JsonBodies}, parameters in {@link Params}. */
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
    JsonBodies jsonBodies(JsonMapper json) {
        return new JsonBodies(json);
    }
}
