package com.example.containers.consume;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of container-consume, bound from the environment variables the README lists.
 *
 * @param queueUrl the FIFO queue to consume
 * @param endpoint an SQS endpoint to use instead of AWS's, such as ElasticMQ; empty on
 * AWS
 * @param visibilityTimeoutSeconds how long a received message stays hidden from other
 * receivers while it is handled; a failed message is received again after it
 * @param poisonPrefix a message whose body starts with this always fails, to show the
 * dead-letter queue at work; empty turns it off
 * @param historySize how many consumed messages {@code GET /api/consumed} keeps
 * @param processingTime how long handling one message takes on purpose
 */
@ConfigurationProperties("consume")
@Validated
public record ConsumeProperties(@NotBlank String queueUrl, String endpoint,
		@DefaultValue("30") @Min(0) @Max(43200) int visibilityTimeoutSeconds,
		@DefaultValue("poison") String poisonPrefix, @DefaultValue("1000") @Min(1) @Max(100000) int historySize,
		@DefaultValue("0s") @NotNull Duration processingTime) {
}
