package com.example.containers.localxray;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import com.example.containers.localxray.DroppedDatagramException.DropReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SegmentReceiverTests {

	private final TraceStore store = new TraceStore(100);

	private SegmentReceiver receiver;

	private DatagramSocket sender;

	@BeforeEach
	void start() throws IOException {
		this.receiver = new SegmentReceiver(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), this.store);
		this.receiver.start();
		this.sender = new DatagramSocket();
	}

	@AfterEach
	void stop() {
		this.sender.close();
		this.receiver.close();
	}

	@Test
	void receiveShouldStoreSegmentsAndStreamedSubsegmentsOfOneTrace() throws IOException {
		ObjectNode[] segments = TestTraces.sendMessage(TestTraces.now());
		send(TestTraces.datagram(segments[1]));
		send(TestTraces.datagram(segments[0]));

		await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.received() == 2);
		assertThat(this.store.traces()).singleElement()
			.satisfies((trace) -> assertThat(trace.segments()).extracting((s) -> s.get("name").stringValue())
				.containsExactlyInAnyOrder("main", "consume"));
	}

	@Test
	void receiveWhenMalformedAndTruncatedDatagramsShouldDropThemAndKeepReceiving() throws IOException {
		ObjectNode big = TestTraces.pathTwo(TestTraces.now())[0];
		big.putObject("metadata").put("payload", "x".repeat(80_000));
		send(Arrays.copyOf(TestTraces.datagram(big), DatagramDecoder.MAX_UDP_PAYLOAD));
		send("not a segment".getBytes(StandardCharsets.UTF_8));
		ObjectNode valid = TestTraces.pathTwo(TestTraces.now())[0];
		send(TestTraces.datagram(valid));

		await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.received() == 1);
		assertThat(this.receiver.dropped(DropReason.TRUNCATED)).isEqualTo(1);
		assertThat(this.receiver.dropped(DropReason.MALFORMED)).isEqualTo(1);
		assertThat(this.receiver.lastDrop()).startsWith("a malformed datagram of 13 bytes from /127.0.0.1:")
			.endsWith("no header line before the document");
		assertThat(this.store.trace(valid.get("trace_id").stringValue())).isPresent();
		assertThat(this.receiver.isRunning()).isTrue();
	}

	@Test
	void closeShouldStopListening() {
		int port = this.receiver.port();

		this.receiver.close();

		assertThat(this.receiver.isRunning()).isFalse();
		assertThat(port).isPositive();
	}

	private void send(byte[] datagram) throws IOException {
		this.sender.send(
				new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), this.receiver.port()));
	}

}
