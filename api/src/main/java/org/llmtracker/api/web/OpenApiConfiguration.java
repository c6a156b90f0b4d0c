package org.llmtracker.api.web;

import java.util.Arrays;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document says which operations need the admin token, the same rule as
 * {@link SecurityConfiguration}: every operation but a read, and the export. Swagger UI then
 * offers "Authorize" for the bearer token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String ADMIN = "admin";

    @Bean
    OpenAPI trackerOpenApi() {
        return new OpenAPI().info(new Info().title("llm-tracker").description("Lineage of LLM projects; writes need the admin token"))
                .components(new Components().addSecuritySchemes(ADMIN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("tracker.admin.token")));
    }

    @Bean
    OperationCustomizer adminOperations() {
        return (operation, handler) -> {
            GetMapping get = handler.getMethodAnnotation(GetMapping.class);
            boolean read = get != null && Arrays.stream(get.path().length > 0 ? get.path() : get.value())
                    .noneMatch(SecurityConfiguration.EXPORT::equals);
            if (!read) {
                operation.addSecurityItem(new SecurityRequirement().addList(ADMIN));
            }
            return operation;
        };
    }
}
