package com.example.containers.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Measures what the whole system does with a burst of sends, and prints the figures:
 * sends per second through main, their latency, the time from send to consumed, and each
 * JVM's memory. It asserts only that every message arrived; the figures depend on the
 * machine. Not part of {@code ./mvnw verify}; the README says how to run it.
 */
@Tag("benchmark")
class SendThroughputBenchmark {

	private static final int MESSAGES = Integer.getInteger("benchmark.messages", 2000);

	private static final int SENDERS = Integer.getInteger("benchmark.senders", 16);

	private static final int GROUPS = 16;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void sendBurstThroughTheWholeSystem() throws Exception {
		LocalAwsPorts ports = LocalAwsPorts.free();
		Map<String, String> environment = ports.serviceEnvironment("CONSUME_HISTORY_SIZE",
				Integer.toString(MESSAGES * 2), "SQS_POLL_TIMEOUT", "1s",
				"SPRING_CLOUD_AWS_SQS_LISTENER_MAX_CONCURRENT_MESSAGES",
				System.getProperty("benchmark.consumers", "10"));
		try (ServiceProcess localAws = new ServiceProcess("local-aws", ports.xrayPort(), ports.localAwsEnvironment());
				ServiceProcess main = new ServiceProcess("container-main", ServiceProcess.freePort(), environment);
				ServiceProcess consume = new ServiceProcess("container-consume", ServiceProcess.freePort(),
						environment)) {
			localAws.start().awaitHealthy();
			main.start();
			consume.start();
			main.awaitHealthy();
			consume.awaitHealthy();
			burst(main, "warm-up", MESSAGES / 4);
			awaitConsumed(consume, MESSAGES / 4);

			Instant started = Instant.now();
			List<Long> latencies = burst(main, "measured", MESSAGES);
			Duration sending = Duration.between(started, Instant.now());
			awaitConsumed(consume, MESSAGES / 4 + MESSAGES);
			Duration draining = Duration.between(started, Instant.now());

			print(latencies, sending, draining, endToEnd(consume),
					Map.of("local-aws", localAws, "main", main, "consume", consume));
		}
	}

	private List<Long> burst(ServiceProcess main, String label, int count) throws Exception {
		ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
		try {
			List<Future<Long>> sends = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String body = "{\"message\":\"" + label + " " + i + "\",\"groupId\":\"" + label + "-" + (i % GROUPS)
						+ "\"}";
				sends.add(senders.submit(() -> timedSend(main.uri("/api/send-message"), body)));
			}
			List<Long> latencies = new ArrayList<>();
			for (Future<Long> send : sends) {
				latencies.add(send.get());
			}
			return latencies;
		}
		finally {
			senders.shutdownNow();
		}
	}

	private long timedSend(URI uri, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long started = System.nanoTime();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		long micros = (System.nanoTime() - started) / 1000;
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return micros;
	}

	private void awaitConsumed(ServiceProcess consume, int count) throws IOException, InterruptedException {
		await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> consumed(consume).size() >= count);
		assertThat(consumed(consume)).hasSize(count);
	}

	private List<JsonNode> consumed(ServiceProcess consume) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(consume.uri("/api/consumed")).build(),
				HttpResponse.BodyHandlers.ofString());
		List<JsonNode> nodes = new ArrayList<>();
		this.json.readTree(response.body()).forEach(nodes::add);
		return nodes;
	}

	private List<Long> endToEnd(ServiceProcess consume) throws IOException, InterruptedException {
		List<Long> millis = new ArrayList<>();
		for (JsonNode node : consumed(consume)) {
			if (node.get("body").asString().startsWith("measured")) {
				Instant sent = Instant.parse(node.get("sentAt").asString());
				Instant done = Instant.parse(node.get("consumedAt").asString());
				millis.add(Duration.between(sent, done).toMillis());
			}
		}
		return millis;
	}

	private static void print(List<Long> latencies, Duration sending, Duration draining, List<Long> endToEnd,
			Map<String, ServiceProcess> services) {
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		Collections.sort(endToEnd);
		System.out.printf("%n== send burst: %d messages, %d senders, %d groups, %d cores%n", MESSAGES, SENDERS, GROUPS,
				Runtime.getRuntime().availableProcessors());
		System.out.printf("sends through main    %8.0f msg/s  (%d ms)%n", MESSAGES * 1000.0 / sending.toMillis(),
				sending.toMillis());
		System.out.printf("consumed (all)        %8.0f msg/s  (%d ms from the first send)%n",
				MESSAGES * 1000.0 / draining.toMillis(), draining.toMillis());
		System.out.printf("send latency          p50 %5.1f ms  p95 %5.1f ms  p99 %5.1f ms%n",
				percentile(sorted, 50) / 1000.0, percentile(sorted, 95) / 1000.0, percentile(sorted, 99) / 1000.0);
		System.out.printf("sent -> consumed      p50 %5d ms  p95 %5d ms  p99 %5d ms%n", percentile(endToEnd, 50),
				percentile(endToEnd, 95), percentile(endToEnd, 99));
		services.forEach((name, service) -> System.out.printf("resident memory %-9s %6d MiB%n", name,
				service.residentKib() / 1024));
	}

	private static long percentile(List<Long> sorted, int percent) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
	}

}
