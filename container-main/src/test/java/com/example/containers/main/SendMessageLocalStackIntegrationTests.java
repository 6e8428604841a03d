package com.example.containers.main;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/send-message} against a FIFO queue with a FIFO dead-letter queue in
 * LocalStack, a second SQS implementation besides ElasticMQ. Runs where Docker is
 * available and is skipped elsewhere.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Testcontainers(disabledWithoutDocker = true)
class SendMessageLocalStackIntegrationTests {

	/**
	 * The last LocalStack release that runs without an account (later ones require an
	 * auth token).
	 */
	@Container
	static final LocalStackContainer localStack = new LocalStackContainer(
			DockerImageName.parse("localstack/localstack:4.4.0"))
		.withServices("sqs");

	private static SqsClient sqs;

	private static String queueUrl;

	@Autowired
	private MockMvc mvc;

	@BeforeAll
	static void createQueues() {
		System.setProperty("aws.accessKeyId", localStack.getAccessKey());
		System.setProperty("aws.secretAccessKey", localStack.getSecretKey());
		sqs = SqsClient.builder()
			.endpointOverride(localStack.getEndpoint())
			.region(Region.of(localStack.getRegion()))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(localStack.getAccessKey(), localStack.getSecretKey())))
			.build();
		String deadLetterQueueUrl = createFifoQueue("messages-dlq.fifo", Map.of());
		String deadLetterQueueArn = sqs
			.getQueueAttributes((get) -> get.queueUrl(deadLetterQueueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes()
			.get(QueueAttributeName.QUEUE_ARN);
		queueUrl = createFifoQueue("messages.fifo", Map.of(QueueAttributeName.REDRIVE_POLICY,
				"{\"deadLetterTargetArn\":\"" + deadLetterQueueArn + "\",\"maxReceiveCount\":\"3\"}"));
	}

	@AfterAll
	static void closeClient() {
		sqs.close();
	}

	@DynamicPropertySource
	static void sqsProperties(DynamicPropertyRegistry registry) {
		registry.add("main.sqs.endpoint", () -> localStack.getEndpoint().toString());
		registry.add("main.sqs.region", localStack::getRegion);
		registry.add("main.sqs.queue-url", () -> queueUrl);
	}

	@Test
	void sentMessageShouldArriveInItsGroupWithItsDeduplicationId() throws Exception {
		this.mvc
			.perform(post("/api/send-message").contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"to localstack\",\"groupId\":\"orders\",\"deduplicationId\":\"ls-1\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.messageId").isNotEmpty())
			.andExpect(jsonPath("$.sequenceNumber").isNotEmpty());

		List<Message> received = receive();
		assertThat(received).extracting(Message::body).containsExactly("to localstack");
		assertThat(received.get(0).attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "orders")
			.containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "ls-1");
	}

	@Test
	void sendRepeatedWithTheSameIdempotencyKeyShouldBeDeliveredOnce() throws Exception {
		for (int attempt = 0; attempt < 2; attempt++) {
			this.mvc
				.perform(post("/api/send-message").contentType(MediaType.APPLICATION_JSON)
					.header("Idempotency-Key", "ls-payment-1")
					.content("{\"message\":\"pay once\"}"))
				.andExpect(status().isAccepted());
		}

		assertThat(receive()).extracting(Message::body).containsExactly("pay once");
	}

	private static String createFifoQueue(String name, Map<QueueAttributeName, String> extra) {
		Map<QueueAttributeName, String> attributes = new HashMap<>(extra);
		attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
		return sqs.createQueue((create) -> create.queueName(name).attributes(attributes)).queueUrl();
	}

	private static List<Message> receive() {
		List<Message> messages = sqs
			.receiveMessage((receive) -> receive.queueUrl(queueUrl)
				.maxNumberOfMessages(10)
				.waitTimeSeconds(2)
				.messageSystemAttributeNames(MessageSystemAttributeName.ALL))
			.messages();
		messages.forEach((message) -> sqs
			.deleteMessage((delete) -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle())));
		return messages;
	}

}
