package com.example.containers.consume;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import org.springframework.stereotype.Component;

/**
 * Handles the messages of the FIFO queue. spring-cloud-aws hands over the messages of one
 * group one at a time, in order, and those of different groups in parallel. A message is
 * deleted only when this listener returns; one that throws is received again after its
 * visibility timeout and, after the queue's maximum receive count, moved to the
 * dead-letter queue.
 */
@Component
public class MessageListener {

	private static final Logger log = LoggerFactory.getLogger(MessageListener.class);

	private final ConsumeProperties properties;

	private final ConsumedMessages consumedMessages;

	private final MessageTracing tracing;

	private final Clock clock;

	private final Counter consumed;

	private final Counter duplicates;

	private final Counter failed;

	public MessageListener(ConsumeProperties properties, ConsumedMessages consumedMessages, MessageTracing tracing,
			MeterRegistry registry) {
		this.properties = properties;
		this.consumedMessages = consumedMessages;
		this.tracing = tracing;
		this.clock = Clock.systemUTC();
		this.consumed = outcomeCounter(registry, "consumed");
		this.duplicates = outcomeCounter(registry, "duplicate");
		this.failed = outcomeCounter(registry, "failed");
	}

	@SqsListener(value = "${consume.queue-url}", messageVisibilitySeconds = "${consume.visibility-timeout-seconds}")
	public void onMessage(Message message) throws InterruptedException {
		this.tracing.trace(message, () -> handle(message));
	}

	private void handle(Message message) throws InterruptedException {
		Map<MessageSystemAttributeName, String> attributes = message.attributes();
		String groupId = attributes.get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
		String sequenceNumber = attributes.get(MessageSystemAttributeName.SEQUENCE_NUMBER);
		if (this.consumedMessages.contains(message.messageId())) {
			log.info("Skipped message {} of group {} (sequence number {}): consumed already", message.messageId(),
					groupId, sequenceNumber);
			this.duplicates.increment();
			return;
		}
		rejectPoison(message, groupId, attributes.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
		simulateWork();
		this.consumedMessages.add(new ConsumedMessage(message.messageId(), groupId, sequenceNumber, message.body(),
				sentAt(attributes), this.clock.instant()));
		this.consumed.increment();
		log.info("Consumed message {} of group {} with sequence number {}", message.messageId(), groupId,
				sequenceNumber);
	}

	private void rejectPoison(Message message, String groupId, String receiveCount) {
		String prefix = this.properties.poisonPrefix();
		if (!prefix.isEmpty() && message.body().startsWith(prefix)) {
			this.failed.increment();
			log.warn("Failed message {} of group {} on receive {}: its body starts with '{}'", message.messageId(),
					groupId, receiveCount, prefix);
			throw new PoisonMessageException(message.messageId(), prefix);
		}
	}

	private void simulateWork() throws InterruptedException {
		if (!this.properties.processingTime().isZero()) {
			Thread.sleep(this.properties.processingTime().toMillis());
		}
	}

	private static Instant sentAt(Map<MessageSystemAttributeName, String> attributes) {
		String sentTimestamp = attributes.get(MessageSystemAttributeName.SENT_TIMESTAMP);
		return (sentTimestamp != null) ? Instant.ofEpochMilli(Long.parseLong(sentTimestamp)) : null;
	}

	private static Counter outcomeCounter(MeterRegistry registry, String outcome) {
		return Counter.builder("consume.messages")
			.description("Messages received from the FIFO queue, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	/**
	 * Thrown for a message that can never be handled, so that it ends in the dead-letter
	 * queue.
	 */
	static class PoisonMessageException extends RuntimeException {

		PoisonMessageException(String messageId, String prefix) {
			super("Message " + messageId + " starts with '" + prefix + "' and is never handled");
		}

	}

}
