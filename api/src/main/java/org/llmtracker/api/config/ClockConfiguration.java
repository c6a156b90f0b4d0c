package org.llmtracker.api.config;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for everything that stamps or compares time, so a replay can fix it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(ClockProperties properties) {
        return properties.fixed() == null
                ? Clock.systemUTC()
                : Clock.fixed(properties.fixed(), ZoneOffset.UTC);
    }
}
