package org.llmtracker.api.config;

import java.util.Map;
import java.util.TreeMap;

import org.llmtracker.api.LlmTrackerApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Every settings type the application binds, by its prefix, found as the application finds them. */
final class SettingsTypes {

    private SettingsTypes() {
    }

    static Map<String, Class<?>> byPrefix() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Map<String, Class<?>> types = new TreeMap<>();
        scan.findCandidateComponents(LlmTrackerApplication.class.getPackageName()).forEach(candidate -> {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                if (types.put(prefix, type) != null) {
                    throw new IllegalStateException("two settings types bind " + prefix);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
        return types;
    }

    /** The type that binds {@code key}: the one with the longest prefix the key starts with. */
    static Map.Entry<String, Class<?>> owning(Map<String, Class<?>> types, String key) {
        Map.Entry<String, Class<?>> best = null;
        for (Map.Entry<String, Class<?>> entry : types.entrySet()) {
            if (key.startsWith(entry.getKey() + ".") && (best == null || entry.getKey().length() > best.getKey().length())) {
                best = entry;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no settings type binds " + key);
        }
        return best;
    }
}
