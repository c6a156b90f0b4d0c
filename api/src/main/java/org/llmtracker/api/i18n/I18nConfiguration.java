package org.llmtracker.api.i18n;

import java.nio.charset.StandardCharsets;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * English and Simplified Chinese: {@code messages.properties} (English, the fallback) and
 * {@code messages_zh_CN.properties}, read as UTF-8. The machine's own locale never decides a
 * page's language (a server set to Chinese still answers an English reader in English).
 */
@Configuration(proxyBeanMethods = false)
public class I18nConfiguration implements WebMvcConfigurer {

    private final RequestLanguage language = new RequestLanguage();

    @Bean
    public static MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        // A message without arguments is written as is, so "it's" needs no doubled quote.
        messages.setAlwaysUseMessageFormat(false);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        return language;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(language);
    }
}
