package com.example.containers.localaws.sqs;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Up when ElasticMQ answers and the FIFO queue exists, so that services wait for the
 * queue, not only for the process.
 */
@Component("queues")
public class QueuesHealthIndicator implements HealthIndicator {

	private final SqsClient sqs;

	private final QueueCreator queueCreator;

	public QueuesHealthIndicator(SqsClient localSqsClient, QueueCreator queueCreator) {
		this.sqs = localSqsClient;
		this.queueCreator = queueCreator;
	}

	@Override
	public Health health() {
		String queueUrl = this.queueCreator.queueUrl();
		if (queueUrl == null) {
			return Health.down().withDetail("reason", "the queues are not created yet").build();
		}
		String messages = this.sqs
			.getQueueAttributes(
					(get) -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
			.attributes()
			.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
		return Health.up().withDetail("queueUrl", queueUrl).withDetail("approximateNumberOfMessages", messages).build();
	}

}
