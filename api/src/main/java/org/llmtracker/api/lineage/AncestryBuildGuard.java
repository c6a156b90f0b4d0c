package org.llmtracker.api.lineage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.llmtracker.api.web.AncestryBuildingException;
import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.ancestry.AncestryProgress;
import org.llmtracker.graph.store.Graph;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * While a first fill defers the ancestry index, or its bulk build runs, the lineage reads that
 * stand on the index (descendants, ancestors, trees, the model graph, paths, families) would
 * answer from half an index: they answer 503 with {@code Retry-After} and the build's progress
 * instead ({@link AncestryBuildingException}). Model details, search and the rest answer as usual.
 * (A configuration rather than a component, so controller slices without a store do not need one;
 * the store slices import it.)
 */
@Configuration(proxyBeanMethods = false)
public class AncestryBuildGuard {

    /** The routes that read the ancestry index. */
    static final String[] INDEX_READS = {"/api/models/*/descendants", "/api/models/*/*/descendants",
        "/api/models/*/ancestors", "/api/models/*/*/ancestors", "/api/models/*/tree", "/api/models/*/*/tree",
        "/api/models/*/graph", "/api/models/*/*/graph", "/api/lineage/**", "/api/families"};

    @Bean
    WebMvcConfigurer ancestryBuildInterceptor(Graph graph) {
        HandlerInterceptor guard = new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                AncestryProgress progress = Ancestry.progress(graph).orElse(null);
                if (progress != null) {
                    throw new AncestryBuildingException(progress);
                }
                return true;
            }
        };
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(guard).addPathPatterns(INDEX_READS);
            }
        };
    }
}
