package com.example.containers.deploy;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The FIFO queue between main and consume, with the FIFO dead-letter queue that takes a
 * message after it failed {@value #MAX_RECEIVE_COUNT} times.
 */
public final class MessageQueues extends Construct {

	/** Name of the queue main sends to and consume reads. */
	public static final String QUEUE_NAME = "messages.fifo";

	/**
	 * Name of the dead-letter queue; a FIFO queue accepts only a FIFO dead-letter queue.
	 */
	public static final String DEAD_LETTER_QUEUE_NAME = "messages-dlq.fifo";

	/** Receives after which a message moves to the dead-letter queue. */
	public static final int MAX_RECEIVE_COUNT = 3;

	/** The queue's default visibility timeout; consume sets the same per receive. */
	public static final Duration VISIBILITY_TIMEOUT = Duration.seconds(30);

	private final Queue queue;

	private final Queue deadLetterQueue;

	/**
	 * Creates both queues.
	 * @param scope the parent construct
	 * @param id the construct id
	 */
	public MessageQueues(Construct scope, String id) {
		super(scope, id);
		this.deadLetterQueue = Queue.Builder.create(this, "DeadLetterQueue")
			.queueName(DEAD_LETTER_QUEUE_NAME)
			.fifo(true)
			.retentionPeriod(Duration.days(14))
			.encryption(QueueEncryption.SQS_MANAGED)
			.enforceSsl(true)
			.build();
		this.queue = Queue.Builder.create(this, "Queue")
			.queueName(QUEUE_NAME)
			.fifo(true)
			// main always sends a deduplication id, so the body is never hashed for one.
			.contentBasedDeduplication(false)
			.visibilityTimeout(VISIBILITY_TIMEOUT)
			.encryption(QueueEncryption.SQS_MANAGED)
			.enforceSsl(true)
			.deadLetterQueue(
					DeadLetterQueue.builder().queue(this.deadLetterQueue).maxReceiveCount(MAX_RECEIVE_COUNT).build())
			.build();
	}

	/** The queue main sends to. */
	public Queue queue() {
		return this.queue;
	}

	/** The dead-letter queue. */
	public Queue deadLetterQueue() {
		return this.deadLetterQueue;
	}

}
