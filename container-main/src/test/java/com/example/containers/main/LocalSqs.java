package com.example.containers.main;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A real, embedded ElasticMQ with one FIFO queue, for tests of what container-main sends.
 */
final class LocalSqs implements AutoCloseable {

	private final SQSRestServer server;

	private final SqsClient client;

	private final String endpoint;

	private final String queueUrl;

	LocalSqs() {
		this.server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
		int port = this.server.waitUntilStarted().localAddress().getPort();
		this.endpoint = "http://localhost:" + port;
		this.client = SqsClient.builder()
			.endpointOverride(URI.create(this.endpoint))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
		this.queueUrl = this.client.createQueue(
				(create) -> create.queueName("messages.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
			.queueUrl();
	}

	String endpoint() {
		return this.endpoint;
	}

	String queueUrl() {
		return this.queueUrl;
	}

	/**
	 * Receives, and deletes, what the queue holds now.
	 * @return the messages, with their system attributes
	 */
	List<Message> drain() {
		List<Message> messages = new java.util.ArrayList<>();
		List<Message> batch;
		do {
			batch = this.client
				.receiveMessage((receive) -> receive.queueUrl(this.queueUrl)
					.maxNumberOfMessages(10)
					.messageSystemAttributeNames(MessageSystemAttributeName.ALL))
				.messages();
			batch.forEach((message) -> this.client
				.deleteMessage((delete) -> delete.queueUrl(this.queueUrl).receiptHandle(message.receiptHandle())));
			messages.addAll(batch);
		}
		while (!batch.isEmpty());
		return messages;
	}

	@Override
	public void close() {
		this.client.close();
		this.server.stopAndWait();
	}

}
