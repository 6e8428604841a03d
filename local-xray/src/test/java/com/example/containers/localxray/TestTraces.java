package com.example.containers.localxray;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.node.ObjectNode;

/**
 * Builds segment documents as the X-Ray SDK for Java writes them, for the two flows of
 * the system.
 */
final class TestTraces {

	static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

	static final String QUEUE_URL = "http://localhost:9324/000000000000/messages.fifo";

	private TestTraces() {
	}

	static String traceId(long epochSeconds) {
		return "1-" + String.format("%08x", epochSeconds) + "-" + hex(12);
	}

	static String segmentId() {
		return hex(8);
	}

	static ObjectNode segment(String traceId, String id, String name, double start, double end) {
		ObjectNode segment = Documents.MAPPER.createObjectNode();
		segment.put("name", name);
		segment.put("id", id);
		segment.put("trace_id", traceId);
		segment.put("start_time", start);
		segment.put("end_time", end);
		return segment;
	}

	static ObjectNode httpSubsegment(ObjectNode parent, String id, String url, double start, double end) {
		ObjectNode subsegment = parent.withArrayProperty("subsegments").addObject();
		subsegment.put("name", "localhost:8082");
		subsegment.put("id", id);
		subsegment.put("namespace", "remote");
		subsegment.put("start_time", start);
		subsegment.put("end_time", end);
		ObjectNode http = subsegment.putObject("http");
		http.putObject("request").put("method", "GET").put("url", url);
		http.putObject("response").put("status", 200);
		return subsegment;
	}

	static ObjectNode sqsSubsegment(ObjectNode parent, String id, double start, double end) {
		ObjectNode subsegment = parent.withArrayProperty("subsegments").addObject();
		subsegment.put("name", "SQS");
		subsegment.put("id", id);
		subsegment.put("namespace", "aws");
		subsegment.put("start_time", start);
		subsegment.put("end_time", end);
		subsegment.putObject("aws").put("operation", "SendMessage").put("queue_url", QUEUE_URL);
		return subsegment;
	}

	static ObjectNode request(ObjectNode segment, String method, String url, int status) {
		ObjectNode http = segment.putObject("http");
		http.putObject("request").put("method", method).put("url", url);
		http.putObject("response").put("status", status);
		return segment;
	}

	/**
	 * The three segments of a path-two request: main, its HTTP subsegment, process under
	 * it.
	 */
	static ObjectNode[] pathTwo(double start) {
		String traceId = traceId((long) start);
		ObjectNode main = request(segment(traceId, segmentId(), "main", start, start + 0.05), "GET",
				"http://localhost:8080/api/path-two", 200);
		main.putObject("annotations").put("route", "path-two");
		String httpId = segmentId();
		httpSubsegment(main, httpId, "http://localhost:8082/api/process", start + 0.01, start + 0.04);
		ObjectNode process = request(segment(traceId, segmentId(), "process", start + 0.015, start + 0.035), "GET",
				"http://localhost:8082/api/process", 200);
		process.put("parent_id", httpId);
		return new ObjectNode[] { main, process };
	}

	/**
	 * The segments of a send-message request: main with its SQS subsegment, consume under
	 * it.
	 */
	static ObjectNode[] sendMessage(double start) {
		String traceId = traceId((long) start);
		ObjectNode main = request(segment(traceId, segmentId(), "main", start, start + 0.03), "POST",
				"http://localhost:8080/api/send-message", 202);
		main.putObject("annotations").put("route", "send-message");
		String sqsId = segmentId();
		sqsSubsegment(main, sqsId, start + 0.005, start + 0.025);
		ObjectNode consume = segment(traceId, segmentId(), "consume", start + 0.2, start + 0.3);
		consume.put("parent_id", sqsId);
		consume.put("origin", "AWS::ECS::Container");
		return new ObjectNode[] { main, consume };
	}

	static byte[] datagram(ObjectNode document) {
		return (HEADER + document.toString()).getBytes(StandardCharsets.UTF_8);
	}

	static double now() {
		return System.currentTimeMillis() / 1000.0;
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
