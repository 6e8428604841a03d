package com.example.containers.consume;

import java.time.Duration;
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
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running SQS listener against a FIFO queue with a FIFO dead-letter queue in
 * LocalStack, a second SQS implementation besides ElasticMQ: messages of a group are
 * consumed in order, and a message that always fails ends in the dead-letter queue. Runs
 * where Docker is available and is skipped elsewhere.
 */
@SpringBootTest(
		properties = { "consume.visibility-timeout-seconds=1", "spring.cloud.aws.sqs.listener.poll-timeout=1s" })
@Testcontainers(disabledWithoutDocker = true)
class MessageListenerLocalStackIntegrationTests {

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

	private static String deadLetterQueueUrl;

	@Autowired
	private ConsumedMessages consumedMessages;

	@BeforeAll
	static void createQueues() {
		sqs = SqsClient.builder()
			.endpointOverride(localStack.getEndpoint())
			.region(Region.of(localStack.getRegion()))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(localStack.getAccessKey(), localStack.getSecretKey())))
			.build();
		deadLetterQueueUrl = createFifoQueue("messages-dlq.fifo", Map.of());
		String deadLetterQueueArn = sqs
			.getQueueAttributes((get) -> get.queueUrl(deadLetterQueueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes()
			.get(QueueAttributeName.QUEUE_ARN);
		queueUrl = createFifoQueue("messages.fifo", Map.of(QueueAttributeName.REDRIVE_POLICY,
				"{\"deadLetterTargetArn\":\"" + deadLetterQueueArn + "\",\"maxReceiveCount\":\"2\"}"));
	}

	@AfterAll
	static void closeClient() {
		sqs.close();
	}

	@DynamicPropertySource
	static void sqsProperties(DynamicPropertyRegistry registry) {
		registry.add("consume.queue-url", () -> queueUrl);
		registry.add("consume.endpoint", () -> localStack.getEndpoint().toString());
		registry.add("spring.cloud.aws.region.static", localStack::getRegion);
		registry.add("spring.cloud.aws.credentials.access-key", localStack::getAccessKey);
		registry.add("spring.cloud.aws.credentials.secret-key", localStack::getSecretKey);
	}

	@Test
	void messagesOfAGroupShouldBeConsumedInTheOrderTheyWereSent() {
		List<String> bodies = List.of("first", "second", "third");
		for (int i = 0; i < bodies.size(); i++) {
			send(bodies.get(i), "ordered", "ordered-" + i);
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(consumedBodies("ordered")).containsExactlyElementsOf(bodies));
	}

	@Test
	void messageThatAlwaysFailsShouldEndInTheDeadLetterQueueUnconsumed() {
		send("poison pill", "poisoned", "poison-1");

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(receiveDeadLetters()).extracting(Message::body).contains("poison pill"));
		assertThat(consumedBodies("poisoned")).isEmpty();
	}

	private List<String> consumedBodies(String groupId) {
		return this.consumedMessages.list()
			.stream()
			.filter((message) -> groupId.equals(message.groupId()))
			.map(ConsumedMessage::body)
			.toList();
	}

	private static void send(String body, String groupId, String deduplicationId) {
		sqs.sendMessage((send) -> send.queueUrl(queueUrl)
			.messageBody(body)
			.messageGroupId(groupId)
			.messageDeduplicationId(deduplicationId));
	}

	private static List<Message> receiveDeadLetters() {
		return sqs.receiveMessage((receive) -> receive.queueUrl(deadLetterQueueUrl).maxNumberOfMessages(10)).messages();
	}

	private static String createFifoQueue(String name, Map<QueueAttributeName, String> extra) {
		Map<QueueAttributeName, String> attributes = new HashMap<>(extra);
		attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
		return sqs.createQueue((create) -> create.queueName(name).attributes(attributes)).queueUrl();
	}

}
