package org.llmtracker.api.crawls;

import org.llmtracker.crawler.inference.InferenceSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

/**
 * Parents inferred for Hub models that declare none ({@code tracker.inference.*}, the {@code infer}
 * job; it calls the Hub with {@link HuggingfaceProperties#http}).
 *
 * @param minConfidence the least confidence a stored inferred link needs; raising it removes links below it
 * @param fineTunes     whether FINETUNE links are inferred at all (quantized and converted repos always are)
 * @param maxRequests   Hub requests (model facts, searches, cards) one run may make
 */
@Validated
@ConfigurationProperties("tracker.inference")
public record InferenceProperties(
        @DefaultValue("0.8") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double minConfidence,
        @DefaultValue("true") boolean fineTunes,
        @DefaultValue("1000") @Min(0) int maxRequests) {

    InferenceSettings settings() {
        return new InferenceSettings(minConfidence, fineTunes, maxRequests);
    }
}
