package com.example.containers.localaws.xray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends segments over UDP the way the X-Ray SDK for Java does, and builds the segments of
 * the two flows of the system: main calling process over HTTP, and main sending to SQS
 * for consume.
 */
final class SegmentSender implements AutoCloseable {

	static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

	static final String QUEUE_URL = "http://localhost:9324/000000000000/messages.fifo";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DatagramSocket socket;

	private final int port;

	SegmentSender(int port) {
		this.port = port;
		try {
			this.socket = new DatagramSocket();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void send(ObjectNode... documents) {
		for (ObjectNode document : documents) {
			send((HEADER + document).getBytes(StandardCharsets.UTF_8));
		}
	}

	void send(byte[] datagram) {
		try {
			InetAddress loopback = InetAddress.getLoopbackAddress();
			this.socket.send(new DatagramPacket(datagram, datagram.length, loopback, this.port));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.socket.close();
	}

	/**
	 * main's segment with an HTTP subsegment, and process's segment under that
	 * subsegment.
	 */
	static ObjectNode[] pathTwo(double start, String run) {
		String traceId = traceId(start);
		ObjectNode main = segment(traceId, "main", start, start + 0.052);
		http(main, "GET", "http://localhost:8080/api/path-two", 200);
		main.putObject("annotations").put("route", "path-two").put("run", run);
		ObjectNode call = subsegment(main, "localhost:8082", "remote", start + 0.004, start + 0.047);
		http(call, "GET", "http://localhost:8082/api/process", 200);
		ObjectNode process = segment(traceId, "process", start + 0.009, start + 0.041);
		process.put("parent_id", call.get("id").stringValue());
		http(process, "GET", "http://localhost:8082/api/process", 200);
		return new ObjectNode[] { main, process };
	}

	/**
	 * main's segment with an SQS SendMessage subsegment, and consume's segment under that
	 * subsegment.
	 */
	static ObjectNode[] sendMessage(double start, String run) {
		String traceId = traceId(start);
		ObjectNode main = segment(traceId, "main", start, start + 0.031);
		http(main, "POST", "http://localhost:8080/api/send-message", 202);
		main.putObject("annotations").put("route", "send-message").put("run", run);
		ObjectNode send = subsegment(main, "SQS", "aws", start + 0.006, start + 0.027);
		send.putObject("aws").put("operation", "SendMessage").put("queue_url", QUEUE_URL).put("message_id", "m-1");
		ObjectNode consume = segment(traceId, "consume", start + 0.120, start + 0.180);
		consume.put("parent_id", send.get("id").stringValue());
		consume.putObject("annotations").put("run", run);
		return new ObjectNode[] { main, consume };
	}

	static ObjectNode segment(String traceId, String name, double start, double end) {
		ObjectNode segment = JSON.createObjectNode();
		segment.put("name", name);
		segment.put("id", id());
		segment.put("trace_id", traceId);
		segment.put("start_time", start);
		segment.put("end_time", end);
		return segment;
	}

	static ObjectNode subsegment(ObjectNode parent, String name, String namespace, double start, double end) {
		ObjectNode subsegment = parent.withArrayProperty("subsegments").addObject();
		subsegment.put("name", name);
		subsegment.put("id", id());
		subsegment.put("namespace", namespace);
		subsegment.put("start_time", start);
		subsegment.put("end_time", end);
		return subsegment;
	}

	static void http(ObjectNode node, String method, String url, int status) {
		ObjectNode http = node.putObject("http");
		http.putObject("request").put("method", method).put("url", url);
		http.putObject("response").put("status", status);
	}

	static String traceId(double start) {
		return "1-" + String.format("%08x", (long) start) + "-" + hex(12);
	}

	static String id() {
		return hex(8);
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
