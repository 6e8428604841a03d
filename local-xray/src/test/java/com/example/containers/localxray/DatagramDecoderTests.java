package com.example.containers.localxray;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import com.example.containers.localxray.DroppedDatagramException.DropReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DatagramDecoderTests {

	private final DatagramDecoder decoder = new DatagramDecoder();

	@Test
	void decodeWhenHeaderAndSegmentShouldReturnTheSegment() throws Exception {
		ObjectNode segment = TestTraces.pathTwo(TestTraces.now())[0];
		byte[] datagram = TestTraces.datagram(segment);

		ObjectNode decoded = this.decoder.decode(datagram, datagram.length);

		assertThat(decoded).isEqualTo(Documents.MAPPER.readTree(segment.toString()));
	}

	@Test
	void decodeWhenStreamedSubsegmentShouldReturnIt() throws Exception {
		String traceId = TestTraces.traceId((long) TestTraces.now());
		ObjectNode subsegment = TestTraces.segment(traceId, TestTraces.segmentId(), "SQS", 1, 2);
		subsegment.put("type", "subsegment").put("parent_id", TestTraces.segmentId());
		byte[] datagram = TestTraces.datagram(subsegment);

		assertThat(this.decoder.decode(datagram, datagram.length).get("parent_id"))
			.isEqualTo(subsegment.get("parent_id"));
	}

	@Test
	void decodeShouldKeepTimestampsExactly() throws Exception {
		byte[] datagram = (TestTraces.HEADER + "{\"name\":\"main\",\"id\":\"0123456789abcdef\","
				+ "\"trace_id\":\"1-5f84c7a1-0123456789abcdef01234567\",\"start_time\":1764782665.123456}")
			.getBytes(StandardCharsets.UTF_8);

		ObjectNode decoded = this.decoder.decode(datagram, datagram.length);

		assertThat(Documents.MAPPER.writeValueAsString(decoded)).contains("\"start_time\":1764782665.123456");
	}

	@Test
	void decodeWhenNoHeaderShouldDropAsMalformed() {
		byte[] datagram = TestTraces.pathTwo(TestTraces.now())[0].toString().getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(DroppedDatagramException.class)
			.isThrownBy(() -> this.decoder.decode(datagram, datagram.length))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(DropReason.MALFORMED))
			.withMessageContaining("no header line");
	}

	@Test
	void decodeWhenDocumentIsNotJsonShouldDropAsMalformed() {
		byte[] datagram = (TestTraces.HEADER + "{\"name\": \"main\", ").getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(DroppedDatagramException.class)
			.isThrownBy(() -> this.decoder.decode(datagram, datagram.length))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(DropReason.MALFORMED))
			.withMessageContaining("the document is not valid JSON");
	}

	@Test
	void decodeWhenHeaderIsWrongShouldDropAsMalformed() {
		byte[] datagram = "{\"format\":\"xml\",\"version\":1}\n{}".getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(DroppedDatagramException.class)
			.isThrownBy(() -> this.decoder.decode(datagram, datagram.length))
			.withMessageContaining("the header is not");
	}

	@Test
	void decodeWhenDatagramFillsTheLargestPayloadAndIsCutOffShouldDropAsTruncated() {
		ObjectNode segment = TestTraces.pathTwo(TestTraces.now())[0];
		segment.putObject("metadata").put("big", "x".repeat(100_000));
		byte[] cutOff = Arrays.copyOf(TestTraces.datagram(segment), DatagramDecoder.MAX_UDP_PAYLOAD);

		assertThatExceptionOfType(DroppedDatagramException.class)
			.isThrownBy(() -> this.decoder.decode(cutOff, cutOff.length))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(DropReason.TRUNCATED))
			.withMessageContaining("too large for one datagram");
	}

	@Test
	void decodeWhenSegmentIdIsMalformedShouldDropAsInvalid() {
		ObjectNode segment = TestTraces.pathTwo(TestTraces.now())[0].put("id", "not-hex");
		byte[] datagram = TestTraces.datagram(segment);

		assertThatExceptionOfType(DroppedDatagramException.class)
			.isThrownBy(() -> this.decoder.decode(datagram, datagram.length))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(DropReason.INVALID))
			.withMessageContaining("id is missing or malformed: not-hex");
	}

	@Test
	void decodeWhenSubsegmentHasNoParentShouldDropAsInvalid() {
		ObjectNode subsegment = TestTraces.segment(TestTraces.traceId(1), TestTraces.segmentId(), "SQS", 1, 2)
			.put("type", "subsegment");
		byte[] datagram = TestTraces.datagram(subsegment);

		assertThatExceptionOfType(DroppedDatagramException.class)
			.isThrownBy(() -> this.decoder.decode(datagram, datagram.length))
			.withMessageContaining("parent_id");
	}

}
