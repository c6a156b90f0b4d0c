package org.llmtracker.api.schedule;

import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.quartz.autoconfigure.QuartzDataSource;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Clustered scheduling, on with {@code spring.quartz.job-store-type=jdbc}: Quartz keeps its
 * schedule in PostgreSQL at {@code spring.datasource.url}, and every node pointing there shares
 * it, each fire running on exactly one node. The embedded default never creates this pool.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.quartz.job-store-type", havingValue = "jdbc")
class ClusterSchedulingConfiguration {

    @Bean(destroyMethod = "close")
    @QuartzDataSource
    DataSource quartzDataSource(@Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:postgres}") String username,
            @Value("${spring.datasource.password:}") String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("quartz");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(6);
        return new HikariDataSource(config);
    }

    @Bean
    SchedulerFactoryBeanCustomizer clusteredQuartz(QuartzProperties quartz) {
        return factory -> {
            Properties merged = ClusterScheduling.quartzProperties();
            merged.putAll(quartz.getProperties());
            factory.setQuartzProperties(merged);
        };
    }
}
