package com.example.containers.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.Trace;
import software.amazon.awssdk.services.xray.model.TraceSummary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as a user runs it: local-aws (ElasticMQ), process, main and consume,
 * each from its packaged jar in its own JVM, driven over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemIntegrationTests {

	private static final int MAX_RECEIVE_COUNT = 3;

	private static final Duration PROCESS_READ_TIMEOUT = Duration.ofSeconds(2);

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final List<ServiceProcess> services = new ArrayList<>();

	private ServiceProcess process;

	private ServiceProcess main;

	private ServiceProcess consume;

	private SqsClient sqs;

	private XRayClient xray;

	private String queueUrl;

	private String deadLetterQueueUrl;

	@BeforeAll
	void startSystem() {
		LocalAwsPorts ports = LocalAwsPorts.free();
		this.queueUrl = ports.queueUrl();
		this.deadLetterQueueUrl = ports.deadLetterQueueUrl();
		ServiceProcess localAws = start("local-aws", ports.xrayPort(),
				ports.localAwsEnvironment("SQS_MAX_RECEIVE_COUNT", Integer.toString(MAX_RECEIVE_COUNT)));
		this.process = start("container-process", ports.serviceEnvironment("AWS_XRAY_TRACING_NAME", "process"));
		localAws.awaitHealthy();
		this.main = start("container-main",
				ports.serviceEnvironment("PROCESS_BASE_URL", this.process.uri("").toString(), "PROCESS_READ_TIMEOUT",
						PROCESS_READ_TIMEOUT.toMillis() + "ms", "AWS_XRAY_TRACING_NAME", "main"));
		this.consume = start("container-consume", ports.serviceEnvironment("SQS_POLL_TIMEOUT", "1s",
				"SQS_VISIBILITY_TIMEOUT_SECONDS", "2", "AWS_XRAY_TRACING_NAME", "consume"));
		this.services.forEach(ServiceProcess::awaitHealthy);
		StaticCredentialsProvider credentials = StaticCredentialsProvider
			.create(AwsBasicCredentials.create("local", "local"));
		this.sqs = SqsClient.builder()
			.endpointOverride(URI.create(ports.sqsEndpoint()))
			.region(Region.US_EAST_1)
			.credentialsProvider(credentials)
			.build();
		this.xray = XRayClient.builder()
			.endpointOverride(localAws.uri(""))
			.region(Region.US_EAST_1)
			.credentialsProvider(credentials)
			.build();
		warmUpSampling();
	}

	// The first traced request makes each service fetch the daemon's sampling rules;
	// until they arrive, the shipped rules sample one request a second. Tests start
	// after that.
	private void warmUpSampling() {
		get(this.main.uri("/api/path-two"));
		send("{\"message\":\"warm-up\",\"groupId\":\"" + this.run + "-warm-up\"}", null);
		await().atMost(Duration.ofSeconds(20)).until(() -> consumedOf(List.of(this.run + "-warm-up")).size() == 1);
		await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
	}

	@AfterAll
	void stopSystem() {
		if (this.sqs != null) {
			this.sqs.close();
		}
		if (this.xray != null) {
			this.xray.close();
		}
		for (int i = this.services.size() - 1; i >= 0; i--) {
			this.services.get(i).close();
		}
	}

	@Test
	@Order(1)
	void pathTwoAnswersWithWhatProcessSaid() throws Exception {
		HttpResponse<String> response = get(this.main.uri("/api/path-two"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(read(response).get("data").asString()).startsWith("processed by process at ");
	}

	@Test
	@Order(2)
	void messagesOfFourGroupsAreAllConsumedOnceEachInSendOrder() throws Exception {
		List<String> groups = IntStream.range(0, 4).mapToObj((i) -> this.run + "-group-" + i).toList();
		ExecutorService senders = Executors.newFixedThreadPool(groups.size());
		try {
			List<Future<?>> sends = new ArrayList<>();
			groups.forEach((group) -> sends.add(senders.submit(() -> sendNumbered(group, 50))));
			for (Future<?> send : sends) {
				send.get();
			}
		}
		finally {
			senders.shutdownNow();
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> consumedOf(groups).size() >= 200);
		List<JsonNode> consumed = consumedOf(groups);
		assertThat(consumed).hasSize(200);
		assertThat(consumed).extracting((node) -> node.get("messageId").asString()).doesNotHaveDuplicates();
		for (String group : groups) {
			List<String> bodies = consumed.stream()
				.filter((node) -> node.get("groupId").asString().equals(group))
				.map((node) -> node.get("body").asString())
				.toList();
			List<String> sent = IntStream.range(0, 50).mapToObj((i) -> group + " message " + i).toList();
			assertThat(bodies).as("messages of %s in consumption order", group).containsExactlyElementsOf(sent);
		}
	}

	@Test
	@Order(3)
	void aRetriedSendWithTheSameIdempotencyKeyIsConsumedOnce() throws Exception {
		String group = this.run + "-retry";
		String key = this.run + "-key";
		HttpResponse<String> first = send("{\"message\":\"order 42\",\"groupId\":\"" + group + "\"}", key);
		HttpResponse<String> retry = send("{\"message\":\"order 42\",\"groupId\":\"" + group + "\"}", key);
		HttpResponse<String> marker = send("{\"message\":\"after order 42\",\"groupId\":\"" + group + "\"}", null);

		assertThat(List.of(first, retry, marker))
			.allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(202));
		assertThat(read(retry).get("messageId").asString()).isEqualTo(read(first).get("messageId").asString());
		// The group is consumed in order, so once the marker is consumed a duplicate
		// would have been too.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> consumedOf(List.of(group)).stream()
				.anyMatch((node) -> node.get("body").asString().equals("after order 42")));
		assertThat(consumedOf(List.of(group))).extracting((node) -> node.get("body").asString())
			.containsExactly("order 42", "after order 42");
	}

	@Test
	@Order(4)
	void aMessageThatAlwaysFailsEndsInTheDeadLetterQueueWhileOtherGroupsGoOn() throws Exception {
		String poisonGroup = this.run + "-poisoned";
		String healthyGroup = this.run + "-healthy";
		String poisonBody = "poison " + this.run;
		send("{\"message\":\"" + poisonBody + "\",\"groupId\":\"" + poisonGroup + "\"}", null);
		send("{\"message\":\"behind the poison\",\"groupId\":\"" + poisonGroup + "\"}", null);
		sendNumbered(healthyGroup, 5);

		await("the healthy group consumed while the poison is retried").atMost(Duration.ofSeconds(30))
			.until(() -> consumedOf(List.of(healthyGroup)).size() == 5);
		assertThat(consumedOf(List.of(poisonGroup))).isEmpty();
		Message deadLetter = awaitDeadLetter(poisonBody);
		assertThat(deadLetter.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, poisonGroup);
		assertThat(failedHandlings()).as("handlings of the poison before it was dead-lettered")
			.isEqualTo(MAX_RECEIVE_COUNT);
		await("the poisoned group goes on once the poison is dead-lettered").atMost(Duration.ofSeconds(30))
			.until(() -> consumedOf(List.of(poisonGroup)).size() == 1);
		assertThat(consumedOf(List.of(poisonGroup)).get(0).get("body").asString()).isEqualTo("behind the poison");
	}

	@Test
	@Order(5)
	void aPathTwoRequestIsOneTraceOfMainAndProcess() {
		Instant from = Instant.now().minusSeconds(1);
		HttpResponse<String> response = get(this.main.uri("/api/path-two"));
		String traceId = traceIdOf(response);

		TraceDocuments trace = awaitTrace(traceId, List.of("main", "process"));
		assertThat(trace.segmentNames()).containsExactlyInAnyOrder("main", "process");
		JsonNode processSegment = trace.segment("process").orElseThrow();
		JsonNode callToProcess = entity(trace, processSegment.get("parent_id").asString());
		assertThat(callToProcess.get("namespace").asString()).isEqualTo("remote");
		assertThat(trace.entities()).extracting((entity) -> entity.get("name").asString())
			.as("the subsegment of the @XRayEnabled client method")
			.contains("askProcess");
		assertThat(callToProcess.get("http").get("response").get("status").asInt()).isEqualTo(200);
		assertThat(trace.segment("main").orElseThrow().get("annotations").get("route").asString())
			.isEqualTo("/api/path-two");
		assertParentsWithinTrace(trace);
		assertThat(summaries(from, "service(\"process\")")).extracting(TraceSummary::id).containsExactly(traceId);
	}

	@Test
	@Order(6)
	void aSendIsOneTraceThatFollowsTheMessageThroughTheQueueIntoConsume() {
		String group = this.run + "-traced";
		Instant from = Instant.now().minusSeconds(1);
		HttpResponse<String> response = send("{\"message\":\"traced\",\"groupId\":\"" + group + "\"}", null);
		String traceId = traceIdOf(response);

		TraceDocuments trace = awaitTrace(traceId, List.of("main", "consume"));
		assertThat(trace.segmentNames()).containsExactlyInAnyOrder("main", "consume");
		JsonNode consumeSegment = trace.segment("consume").orElseThrow();
		JsonNode sendMessage = entity(trace, consumeSegment.get("parent_id").asString());
		assertThat(sendMessage.get("name").asString()).isEqualToIgnoringCase("SQS");
		assertThat(trace.entities()).extracting((entity) -> entity.get("name").asString())
			.as("the subsegment of the @XRayEnabled sender method")
			.contains("send");
		assertThat(sendMessage.get("aws").get("operation").asString()).isEqualTo("SendMessage");
		assertThat(sendMessage.get("aws").get("queue_url").asString()).endsWith("/messages.fifo");
		assertThat(sendMessage.get("aws").get("message_id").asString())
			.isEqualTo(read(response).get("messageId").asString());
		assertThat(consumeSegment.get("annotations").get("message_group").asString()).isEqualTo(group);
		assertParentsWithinTrace(trace);
		assertThat(summaries(from, "annotation.message_group = \"" + group + "\"")).extracting(TraceSummary::id)
			.containsExactly(traceId);
	}

	@Test
	@Order(7)
	void aRefusedSendIsTracedAsAClientErrorNotAFault() {
		Instant from = Instant.now().minusSeconds(1);
		HttpResponse<String> response = send("{\"message\":\"\"}", null);
		String traceId = traceIdOf(response);

		assertThat(response.statusCode()).isEqualTo(400);
		TraceSummary summary = await("the trace of the refused send").atMost(Duration.ofSeconds(30))
			.until(() -> summaries(from, "annotation.route = \"/api/send-message\"").stream()
				.filter((candidate) -> candidate.id().equals(traceId))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(summary.hasError()).isTrue();
		assertThat(summary.hasFault()).isFalse();
	}

	@Test
	@Order(8)
	void aMessageSentWithoutATraceHeaderStartsANewTraceInConsume() {
		String group = this.run + "-untraced";
		Instant from = Instant.now().minusSeconds(1);
		this.sqs.sendMessage((send) -> send.queueUrl(this.queueUrl)
			.messageBody("sent around main")
			.messageGroupId(group)
			.messageDeduplicationId(group));

		List<TraceSummary> summaries = await("a trace of the message").atMost(Duration.ofSeconds(30))
			.until(() -> summaries(from, "annotation.message_group = \"" + group + "\""), (found) -> !found.isEmpty());
		assertThat(summaries).hasSize(1);
		TraceDocuments trace = awaitTrace(summaries.get(0).id(), List.of("consume"));
		assertThat(trace.segmentNames()).containsExactly("consume");
		assertThat(trace.segment("consume").orElseThrow().has("parent_id")).isFalse();
	}

	@Test
	@Order(9)
	void pathTwoAnswersBadGatewayQuicklyWhenProcessIsDown() throws Exception {
		this.process.close();

		long started = System.nanoTime();
		HttpResponse<String> response = get(this.main.uri("/api/path-two"));
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(response.statusCode()).isIn(502, 504);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(read(response).get("detail").asString()).contains("container-process");
		assertThat(took).isLessThan(PROCESS_READ_TIMEOUT.plusSeconds(1));
	}

	private static String traceIdOf(HttpResponse<String> response) {
		String header = response.headers().firstValue("X-Amzn-Trace-Id").orElseThrow();
		return header.substring(header.indexOf("Root=") + 5).split(";")[0];
	}

	private TraceDocuments awaitTrace(String traceId, List<String> segmentNames) {
		return await("segments " + segmentNames + " of trace " + traceId).atMost(Duration.ofSeconds(30))
			.until(() -> this.xray.batchGetTraces((batch) -> batch.traceIds(traceId))
				.traces()
				.stream()
				.findFirst()
				.map(TraceDocuments::new)
				.orElse(null), (trace) -> trace != null && trace.segmentNames().containsAll(segmentNames));
	}

	private List<TraceSummary> summaries(Instant from, String filter) {
		return this.xray
			.getTraceSummaries(
					(query) -> query.startTime(from).endTime(Instant.now().plusSeconds(1)).filterExpression(filter))
			.traceSummaries();
	}

	private static JsonNode entity(TraceDocuments trace, String id) {
		return trace.entities()
			.stream()
			.filter((entity) -> entity.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No segment or subsegment " + id + " in the trace"));
	}

	private static void assertParentsWithinTrace(TraceDocuments trace) {
		for (JsonNode entity : trace.entities()) {
			if (entity.has("parent_id")) {
				assertThat(trace.ids()).as("parent of %s", entity.get("name"))
					.contains(entity.get("parent_id").asString());
			}
		}
	}

	private ServiceProcess start(String module, Map<String, String> environment) {
		return start(module, ServiceProcess.freePort(), environment);
	}

	private ServiceProcess start(String module, int port, Map<String, String> environment) {
		ServiceProcess service = new ServiceProcess(module, port, environment).start();
		this.services.add(service);
		return service;
	}

	private void sendNumbered(String group, int count) {
		for (int i = 0; i < count; i++) {
			HttpResponse<String> response = send(
					"{\"message\":\"" + group + " message " + i + "\",\"groupId\":\"" + group + "\"}", null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		}
	}

	private HttpResponse<String> send(String body, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.main.uri("/api/send-message"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return exchange(request.build());
	}

	private HttpResponse<String> get(URI uri) {
		return exchange(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build());
	}

	private HttpResponse<String> exchange(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private List<JsonNode> consumedOf(List<String> groups) {
		List<JsonNode> matching = new ArrayList<>();
		for (JsonNode node : read(get(this.consume.uri("/api/consumed")))) {
			if (groups.contains(node.get("groupId").asString())) {
				matching.add(node);
			}
		}
		return matching;
	}

	private int failedHandlings() {
		JsonNode metric = read(get(this.consume.uri("/actuator/metrics/consume.messages?tag=outcome:failed")));
		return metric.get("measurements").get(0).get("value").asInt();
	}

	private Message awaitDeadLetter(String body) {
		return await("the poison message in the dead-letter queue").atMost(Duration.ofSeconds(60))
			.until(() -> receiveDeadLetters().stream().filter((message) -> message.body().equals(body)).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
	}

	private List<Message> receiveDeadLetters() {
		return this.sqs
			.receiveMessage((receive) -> receive.queueUrl(this.deadLetterQueueUrl)
				.maxNumberOfMessages(10)
				.waitTimeSeconds(1)
				.messageSystemAttributeNames(MessageSystemAttributeName.ALL))
			.messages();
	}

	private JsonNode read(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

}
