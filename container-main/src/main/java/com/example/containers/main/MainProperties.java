package com.example.containers.main;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of container-main, bound from the environment variables the README lists.
 *
 * @param pathOneDelay how long {@code GET /api/path-one} takes on purpose
 * @param process how to reach container-process
 * @param sqs which queue to send to and how
 */
@ConfigurationProperties("main")
@Validated
public record MainProperties(@DefaultValue("2s") @NotNull Duration pathOneDelay, @Valid @DefaultValue Process process,
		@Valid @DefaultValue Sqs sqs) {

	/**
	 * How container-main reaches container-process.
	 *
	 * @param baseUrl where process listens
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for the answer; past it main answers 504
	 */
	public record Process(@DefaultValue("http://localhost:8082") @NotNull URI baseUrl,
			@DefaultValue("1s") @NotNull Duration connectTimeout, @DefaultValue("3s") @NotNull Duration readTimeout) {
	}

	/**
	 * How container-main sends to the FIFO queue.
	 *
	 * @param queueUrl the FIFO queue's URL
	 * @param region the AWS region of the queue
	 * @param endpoint an SQS endpoint to use instead of AWS's, such as ElasticMQ; empty
	 * on AWS
	 * @param defaultGroupId the message group of a send that names none
	 * @param maxMessageBytes the largest body, in UTF-8 bytes, that main sends; 256 KiB
	 * fits both Amazon SQS and ElasticMQ
	 * @param apiCallTimeout how long one send may take, retries included, before main
	 * answers 504
	 */
	public record Sqs(@NotBlank String queueUrl, @DefaultValue("us-east-1") @NotBlank String region, String endpoint,
			@DefaultValue("default") @NotBlank String defaultGroupId,
			@DefaultValue("262144") @Min(1) @Max(1048576) int maxMessageBytes,
			@DefaultValue("10s") @NotNull Duration apiCallTimeout) {
	}

}
