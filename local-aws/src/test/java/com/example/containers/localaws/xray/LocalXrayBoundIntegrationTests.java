package com.example.containers.localaws.xray;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;
import software.amazon.awssdk.services.xray.model.Trace;
import software.amazon.awssdk.services.xray.model.TraceSummary;

import com.example.containers.localxray.SegmentReceiver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stand-in keeps at most {@code local-aws.xray.max-traces} traces and drops the
 * oldest first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "local-aws.xray.udp-port=0", "local-aws.xray.max-traces=3" })
class LocalXrayBoundIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private SegmentReceiver receiver;

	@DynamicPropertySource
	static void freeSqsPort(DynamicPropertyRegistry registry) {
		registry.add("local-aws.sqs.port", LocalXrayBoundIntegrationTests::freePort);
	}

	@Test
	void storeWhenFullShouldDropTheOldestTracesFirst() {
		String run = UUID.randomUUID().toString();
		List<String> traceIds = new ArrayList<>();
		try (SegmentSender sender = new SegmentSender(this.receiver.port()); XRayClient xray = client()) {
			for (int i = 0; i < 5; i++) {
				var segments = SegmentSender.pathTwo(SegmentSender.now(), run);
				traceIds.add(segments[0].get("trace_id").stringValue());
				sender.send(segments);
				long expected = 2L * (i + 1);
				await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.received() == expected);
			}

			BatchGetTracesResponse traces = xray.batchGetTraces((r) -> r.traceIds(traceIds));
			assertThat(traces.traces()).extracting(Trace::id).containsExactlyElementsOf(traceIds.subList(2, 5));
			assertThat(traces.unprocessedTraceIds()).containsExactlyElementsOf(traceIds.subList(0, 2));
			Instant now = Instant.now();
			List<TraceSummary> summaries = xray
				.getTraceSummaries((r) -> r.startTime(now.minusSeconds(300)).endTime(now.plusSeconds(60)))
				.traceSummaries();
			assertThat(summaries).extracting(TraceSummary::id)
				.containsExactlyInAnyOrderElementsOf(traceIds.subList(2, 5));
		}
	}

	private XRayClient client() {
		return XRayClient.builder()
			.endpointOverride(URI.create("http://localhost:" + this.port))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.build();
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
