package org.llmtracker.api.licenses;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The licence verdicts ({@code docs/licenses.md}).
 *
 * @param overrides  a YAML file of licence terms read at start (unset: none): its entries replace the shipped
 *                   ones field by field, or add licences; empty: the shipped terms only
 * @param cron       when the {@code licenses} job judges the models whose licence or lineage changed
 *                   (Quartz, seconds first, UTC)
 * @param batch      models judged per transaction
 */
@Validated
@ConfigurationProperties("tracker.licenses")
public record LicenseProperties(
        Path overrides,
        @DefaultValue("0 */10 * * * ?") @NotNull String cron,
        @DefaultValue("2000") @Min(1) @Max(50000) int batch) {
}
