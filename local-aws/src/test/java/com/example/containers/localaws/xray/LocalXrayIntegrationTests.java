package com.example.containers.localaws.xray;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.internal.UnsignedXrayClient;
import com.amazonaws.xray.strategy.sampling.GetSamplingRulesRequest;
import com.amazonaws.xray.strategy.sampling.GetSamplingRulesResponse;
import com.amazonaws.xray.strategy.sampling.GetSamplingTargetsRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;
import software.amazon.awssdk.services.xray.model.InvalidRequestException;
import software.amazon.awssdk.services.xray.model.SamplingRule;
import software.amazon.awssdk.services.xray.model.SamplingRuleRecord;
import software.amazon.awssdk.services.xray.model.SamplingStatisticsDocument;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.TraceSummary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.example.containers.localxray.SegmentReceiver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The X-Ray daemon stand-in inside local-aws, fed over UDP and queried through the AWS
 * SDK's own {@code XRayClient}, as the system tests and the AWS CLI use it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "local-aws.xray.udp-port=0")
class LocalXrayIntegrationTests {

	private static final Duration ARRIVAL = Duration.ofSeconds(10);

	private static final String DAEMON_ADDRESS = DaemonConfiguration.DAEMON_ADDRESS_SYSTEM_PROPERTY_KEY;

	private final JsonMapper json = JsonMapper.builder().build();

	private final String run = UUID.randomUUID().toString();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private SegmentReceiver receiver;

	private XRayClient xray;

	private SegmentSender sender;

	@DynamicPropertySource
	static void freeSqsPort(DynamicPropertyRegistry registry) {
		registry.add("local-aws.sqs.port", LocalXrayIntegrationTests::freePort);
	}

	@BeforeEach
	void connect() {
		this.xray = XRayClient.builder()
			.endpointOverride(URI.create("http://localhost:" + this.port))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.build();
		this.sender = new SegmentSender(this.receiver.port());
	}

	@AfterEach
	void disconnect() {
		this.sender.close();
		this.xray.close();
	}

	@Test
	void getTraceSummariesShouldFilterByServiceAndByAnnotation() {
		ObjectNode[] pathTwo = SegmentSender.pathTwo(SegmentSender.now(), this.run);
		ObjectNode[] sendMessage = SegmentSender.sendMessage(SegmentSender.now(), this.run);
		this.sender.send(pathTwo);
		this.sender.send(sendMessage);
		String runFilter = "annotation.run = \"" + this.run + "\"";

		await().atMost(ARRIVAL).until(() -> summaries(runFilter).size() == 2);

		assertThat(summaries("service(\"process\") AND " + runFilter)).extracting(TraceSummary::id)
			.containsExactly(traceId(pathTwo));
		assertThat(summaries(runFilter + " AND annotation.route = \"send-message\"")).extracting(TraceSummary::id)
			.containsExactly(traceId(sendMessage));
		assertThat(summaries("service(\"consume\")")).extracting(TraceSummary::id)
			.contains(traceId(sendMessage))
			.doesNotContain(traceId(pathTwo));
	}

	@Test
	void getTraceSummariesShouldDescribeTheTrace() {
		ObjectNode[] sendMessage = SegmentSender.sendMessage(SegmentSender.now(), this.run);
		sendMessage[1].put("fault", true);
		this.sender.send(sendMessage);

		await().atMost(ARRIVAL).until(() -> summaries("annotation.run = \"" + this.run + "\"").size() == 1);

		TraceSummary summary = summaries("annotation.run = \"" + this.run + "\"").get(0);
		assertThat(summary.hasFault()).isTrue();
		assertThat(summary.hasError()).isFalse();
		assertThat(summary.duration()).isBetween(0.179, 0.181);
		assertThat(summary.responseTime()).isBetween(0.030, 0.032);
		assertThat(summary.http().httpURL()).isEqualTo("http://localhost:8080/api/send-message");
		assertThat(summary.http().httpStatus()).isEqualTo(202);
		assertThat(summary.entryPoint().name()).isEqualTo("main");
		assertThat(summary.serviceIds()).extracting((id) -> id.name()).containsExactly("main", "consume");
		assertThat(summary.annotations().get("route")).singleElement()
			.satisfies((value) -> assertThat(value.annotationValue().stringValue()).isEqualTo("send-message"));
		assertThat(summary.startTime()).isBetween(Instant.now().minusSeconds(60), Instant.now());
	}

	@Test
	void getTraceSummariesWithUnsupportedFilterShouldAnswer400NamingTheProblem() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> summaries("http.url CONTAINS \"api\""))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400))
			.withMessageContaining("'CONTAINS' is not a supported comparison operator");
	}

	@Test
	void batchGetTracesShouldReturnEverySegmentWithParentsInTheTrace() throws Exception {
		ObjectNode[] sendMessage = SegmentSender.sendMessage(SegmentSender.now(), this.run);
		this.sender.send(sendMessage[1], sendMessage[0]);
		String unknown = SegmentSender.traceId(SegmentSender.now());

		await().atMost(ARRIVAL).until(() -> batchGet(traceId(sendMessage)).traces().get(0).segments().size() == 2);

		BatchGetTracesResponse response = batchGet(traceId(sendMessage), unknown);
		assertThat(response.unprocessedTraceIds()).containsExactly(unknown);
		List<JsonNode> documents = new ArrayList<>();
		for (var segment : response.traces().get(0).segments()) {
			JsonNode document = this.json.readTree(segment.document());
			assertThat(document.get("id").stringValue()).isEqualTo(segment.id());
			documents.add(document);
		}
		JsonNode main = named(documents, "main");
		JsonNode consume = named(documents, "consume");
		JsonNode sqs = main.get("subsegments").get(0);
		assertThat(sqs.path("aws").path("operation").stringValue()).isEqualTo("SendMessage");
		assertThat(consume.get("parent_id").stringValue()).isEqualTo(sqs.get("id").stringValue());
	}

	@Test
	void getServiceGraphShouldLinkClientMainProcessAndMainQueueConsume() {
		this.sender.send(SegmentSender.pathTwo(SegmentSender.now(), this.run));
		this.sender.send(SegmentSender.sendMessage(SegmentSender.now(), this.run));
		Instant now = Instant.now();

		await().atMost(ARRIVAL).until(() -> edges(now).contains("messages.fifo -> consume"));

		List<Service> services = graph(now);
		assertThat(edges(now))
			.contains("client -> main", "main -> process", "main -> messages.fifo", "messages.fifo -> consume")
			.doesNotContain("main -> consume");
		assertThat(services).filteredOn((service) -> service.name().equals("messages.fifo"))
			.singleElement()
			.satisfies((queue) -> assertThat(queue.type()).isEqualTo("AWS::SQS::Queue"));
		assertThat(services).filteredOn((service) -> service.name().equals("main"))
			.singleElement()
			.satisfies((main) -> assertThat(main.root()).isTrue());
	}

	@Test
	void samplingApiShouldHandOutARuleThatSamplesEveryRequest() {
		List<SamplingRuleRecord> records = this.xray.getSamplingRules((r) -> {
		}).samplingRuleRecords();

		SamplingRule rule = records.get(0).samplingRule();
		assertThat(records).hasSize(1);
		assertThat(rule.ruleName()).isEqualTo("Default");
		assertThat(rule.fixedRate()).isEqualTo(1.0);
		assertThat(rule.priority()).isEqualTo(10_000);
		var targets = this.xray
			.getSamplingTargets((r) -> r.samplingStatisticsDocuments(statistics("Default"), statistics("Unknown")));
		assertThat(targets.samplingTargetDocuments()).singleElement().satisfies((target) -> {
			assertThat(target.ruleName()).isEqualTo("Default");
			assertThat(target.fixedRate()).isEqualTo(1.0);
			assertThat(target.reservoirQuotaTTL()).isAfter(Instant.now());
		});
		assertThat(targets.unprocessedStatistics()).singleElement()
			.satisfies((problem) -> assertThat(problem.ruleName()).isEqualTo("Unknown"));
	}

	@Test
	void samplingApiShouldAnswerTheClientOfTheXraySdkForJava() {
		String previous = System.getProperty(DAEMON_ADDRESS);
		System.setProperty(DAEMON_ADDRESS, "tcp:127.0.0.1:" + this.port + " udp:127.0.0.1:" + this.receiver.port());
		try {
			UnsignedXrayClient client = new UnsignedXrayClient();
			GetSamplingRulesResponse rules = client.getSamplingRules(GetSamplingRulesRequest.create(null));
			assertThat(rules.getSamplingRuleRecords()).singleElement()
				.satisfies((record) -> assertThat(record.getSamplingRule().getFixedRate()).isEqualTo(1.0));
			var targets = client.getSamplingTargets(GetSamplingTargetsRequest
				.create(List.of(GetSamplingTargetsRequest.SamplingStatisticsDocument.newBuilder()
					.setRuleName("Default")
					.setClientId("0123456789abcdef01234567")
					.setTimestamp(new Date())
					.setRequestCount(5)
					.setSampledCount(5)
					.setBorrowCount(0)
					.build())));
			assertThat(targets.getDocuments()).singleElement()
				.satisfies((target) -> assertThat(target.getReservoirQuotaTtl()).isAfter(new Date()));
		}
		finally {
			restore(previous);
		}
	}

	@Test
	void truncatedAndMalformedDatagramsShouldBeDroppedAndReportedWhileTheNextSegmentArrives() throws Exception {
		String before = status();
		ObjectNode big = SegmentSender.pathTwo(SegmentSender.now(), this.run)[0];
		big.putObject("metadata").put("response", "x".repeat(70_000));
		this.sender.send(Arrays.copyOf((SegmentSender.HEADER + big).getBytes(StandardCharsets.UTF_8), 65_507));
		byte[] malformed = (SegmentSender.HEADER + "{\"name\": ").getBytes(StandardCharsets.UTF_8);
		this.sender.send(malformed);
		ObjectNode[] next = SegmentSender.pathTwo(SegmentSender.now(), this.run);
		this.sender.send(next);

		await().atMost(ARRIVAL).until(() -> batchGet(traceId(next)).traces().size() == 1);

		JsonNode was = this.json.readTree(before);
		JsonNode now = this.json.readTree(status());
		assertThat(dropped(now, "truncated") - dropped(was, "truncated")).isEqualTo(1);
		assertThat(dropped(now, "malformed") - dropped(was, "malformed")).isEqualTo(1);
		assertThat(now.get("lastDrop").stringValue())
			.startsWith("a malformed datagram of " + malformed.length + " bytes from /127.0.0.1:")
			.contains("the document is not valid JSON");
		assertThat(this.receiver.isRunning()).isTrue();
	}

	@Test
	void viewerPageShouldBeServedAtTheRoot() throws Exception {
		HttpResponse<String> page = get("/");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Traces - local-aws</title>").contains("trace-viewer.js");
		assertThat(get("/trace-viewer.js").statusCode()).isEqualTo(200);
	}

	private List<TraceSummary> summaries(String filter) {
		Instant now = Instant.now();
		return this.xray
			.getTraceSummaries(
					(r) -> r.startTime(now.minusSeconds(300)).endTime(now.plusSeconds(60)).filterExpression(filter))
			.traceSummaries();
	}

	private BatchGetTracesResponse batchGet(String... traceIds) {
		return this.xray.batchGetTraces((r) -> r.traceIds(traceIds));
	}

	private List<String> edges(Instant now) {
		List<Service> services = graph(now);
		List<String> edges = new ArrayList<>();
		for (Service service : services) {
			service.edges()
				.forEach((edge) -> edges.add(service.name() + " -> "
						+ services.stream()
							.filter((other) -> other.referenceId().equals(edge.referenceId()))
							.findFirst()
							.orElseThrow()
							.name()));
		}
		return edges;
	}

	private List<Service> graph(Instant now) {
		return this.xray.getServiceGraph((r) -> r.startTime(now.minusSeconds(60)).endTime(now.plusSeconds(60)))
			.services();
	}

	private static JsonNode named(List<JsonNode> documents, String name) {
		return documents.stream().filter((d) -> d.get("name").stringValue().equals(name)).findFirst().orElseThrow();
	}

	private static SamplingStatisticsDocument statistics(String rule) {
		return SamplingStatisticsDocument.builder()
			.ruleName(rule)
			.clientID("0123456789abcdef01234567")
			.timestamp(Instant.now())
			.requestCount(10)
			.sampledCount(10)
			.borrowCount(0)
			.build();
	}

	private String status() throws Exception {
		return get("/viewer/status").body();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static void restore(String previous) {
		if (previous == null) {
			System.clearProperty(DAEMON_ADDRESS);
		}
		else {
			System.setProperty(DAEMON_ADDRESS, previous);
		}
	}

	private static long dropped(JsonNode status, String reason) {
		return status.path("datagramsDropped").path(reason).asLong();
	}

	private static String traceId(ObjectNode[] segments) {
		return segments[0].get("trace_id").stringValue();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
