package com.example.containers.localaws;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of local-aws.
 *
 * @param sqs the embedded SQS and the queues it creates
 */
@ConfigurationProperties("local-aws")
@Validated
public record LocalAwsProperties(@Valid @DefaultValue Sqs sqs) {

	/**
	 * The embedded, SQS-compatible ElasticMQ.
	 *
	 * @param bindAddress the interface ElasticMQ listens on
	 * @param port the port ElasticMQ listens on
	 * @param hostname the host name put into queue URLs, as clients reach it
	 * @param region the region reported in queue ARNs
	 * @param queueName the FIFO queue the services use
	 * @param deadLetterQueueName the FIFO dead-letter queue of the queue
	 * @param maxReceiveCount how many receives of a message before it moves to the
	 * dead-letter queue
	 * @param visibilityTimeout how long a received message stays hidden before it is
	 * received again, within the 0 to 12 hours SQS allows
	 */
	public record Sqs(@DefaultValue("127.0.0.1") @NotBlank String bindAddress,
			@DefaultValue("9324") @Min(1) @Max(65535) int port, @DefaultValue("localhost") @NotBlank String hostname,
			@DefaultValue("us-east-1") @NotBlank String region,
			@DefaultValue("messages.fifo") @Pattern(regexp = ".+\\.fifo") String queueName,
			@DefaultValue("messages-dlq.fifo") @Pattern(regexp = ".+\\.fifo") String deadLetterQueueName,
			@DefaultValue("3") @Min(1) @Max(1000) int maxReceiveCount,
			@DefaultValue("30s") Duration visibilityTimeout) {

		public Sqs {
			if (visibilityTimeout.isNegative() || visibilityTimeout.compareTo(Duration.ofHours(12)) > 0) {
				throw new IllegalArgumentException(
						"local-aws.sqs.visibility-timeout must be between 0 and 12 hours, was " + visibilityTimeout);
			}
		}

		/**
		 * Where clients reach the embedded SQS.
		 * @return the endpoint URL
		 */
		public String endpoint() {
			return "http://" + this.hostname + ":" + this.port;
		}

	}

}
