package com.example.containers.localaws.sqs;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import com.example.containers.localaws.LocalAwsProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Creates the FIFO queue and its FIFO dead-letter queue, joined by a redrive policy,
 * through the SQS API of the embedded ElasticMQ, the same calls that would create them on
 * AWS.
 */
@Component
public class QueueCreator implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(QueueCreator.class);

	private final SqsClient sqs;

	private final LocalAwsProperties.Sqs properties;

	private volatile boolean running;

	private volatile String queueUrl;

	public QueueCreator(SqsClient localSqsClient, LocalAwsProperties properties) {
		this.sqs = localSqsClient;
		this.properties = properties.sqs();
	}

	@Override
	public void start() {
		String deadLetterQueueUrl = createFifoQueue(this.properties.deadLetterQueueName(), Map.of());
		String deadLetterQueueArn = attribute(deadLetterQueueUrl, QueueAttributeName.QUEUE_ARN);
		this.queueUrl = createFifoQueue(this.properties.queueName(),
				Map.of(QueueAttributeName.REDRIVE_POLICY, redrivePolicy(deadLetterQueueArn),
						QueueAttributeName.VISIBILITY_TIMEOUT,
						Long.toString(this.properties.visibilityTimeout().toSeconds())));
		requireFifo(deadLetterQueueUrl);
		this.running = true;
		log.info("Created FIFO queue {} with dead-letter queue {} after {} receives", this.queueUrl, deadLetterQueueUrl,
				this.properties.maxReceiveCount());
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return ElasticMqServer.PHASE + 1;
	}

	/**
	 * The URL of the queue the services use.
	 * @return the URL, or {@code null} before the queues were created
	 */
	public String queueUrl() {
		return this.queueUrl;
	}

	private String createFifoQueue(String name, Map<QueueAttributeName, String> attributes) {
		Map<QueueAttributeName, String> all = new java.util.HashMap<>(attributes);
		all.put(QueueAttributeName.FIFO_QUEUE, "true");
		// Every send names its own deduplication id, so that two equal bodies are two
		// messages.
		all.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false");
		return this.sqs.createQueue((create) -> create.queueName(name).attributes(all)).queueUrl();
	}

	private String attribute(String queueUrl, QueueAttributeName name) {
		return this.sqs.getQueueAttributes((get) -> get.queueUrl(queueUrl).attributeNames(name)).attributes().get(name);
	}

	// ElasticMQ accepts a standard dead-letter queue for a FIFO queue, SQS does not:
	// check here so that a setup that only works locally fails at start.
	private void requireFifo(String deadLetterQueueUrl) {
		if (!"true".equals(attribute(deadLetterQueueUrl, QueueAttributeName.FIFO_QUEUE))) {
			throw new IllegalStateException("The dead-letter queue " + deadLetterQueueUrl + " is not a FIFO queue");
		}
	}

	private String redrivePolicy(String deadLetterQueueArn) {
		return "{\"deadLetterTargetArn\":\"" + deadLetterQueueArn + "\",\"maxReceiveCount\":\""
				+ this.properties.maxReceiveCount() + "\"}";
	}

}
