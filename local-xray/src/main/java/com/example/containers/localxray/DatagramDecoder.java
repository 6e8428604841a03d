package com.example.containers.localxray;

import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.example.containers.localxray.DroppedDatagramException.DropReason;

/**
 * Turns one datagram of the X-Ray daemon protocol, a header line and a segment or
 * subsegment document, into the document.
 */
public class DatagramDecoder {

	/**
	 * The largest UDP payload over IPv4; a datagram this long was most likely cut off.
	 */
	public static final int MAX_UDP_PAYLOAD = 65_507;

	private static final Pattern SEGMENT_ID = Pattern.compile("[0-9a-f]{16}");

	private static final Pattern TRACE_ID = Pattern.compile("1-[0-9a-f]{8}-[0-9a-f]{24}");

	/**
	 * Decodes a datagram.
	 * @param data the datagram payload
	 * @param length how many bytes of {@code data} were received
	 * @return the segment or subsegment document
	 * @throws DroppedDatagramException when the datagram cannot be used
	 */
	public ObjectNode decode(byte[] data, int length) throws DroppedDatagramException {
		try {
			return validate(parse(data, length));
		}
		catch (DroppedDatagramException ex) {
			if (length >= MAX_UDP_PAYLOAD && ex.reason() == DropReason.MALFORMED) {
				throw new DroppedDatagramException(DropReason.TRUNCATED, "it filled the largest UDP payload ("
						+ MAX_UDP_PAYLOAD + " bytes) and did not parse, so the segment was too large for one datagram");
			}
			throw ex;
		}
	}

	private ObjectNode parse(byte[] data, int length) throws DroppedDatagramException {
		int newline = indexOf(data, length, (byte) '\n');
		if (newline < 0) {
			throw new DroppedDatagramException(DropReason.MALFORMED, "no header line before the document");
		}
		requireHeader(readJson(data, 0, newline, "header"));
		JsonNode document = readJson(data, newline + 1, length - newline - 1, "document");
		if (!document.isObject()) {
			throw new DroppedDatagramException(DropReason.MALFORMED, "the document is not a JSON object");
		}
		return (ObjectNode) document;
	}

	private JsonNode readJson(byte[] data, int offset, int length, String part) throws DroppedDatagramException {
		try {
			JsonNode node = Documents.MAPPER.readTree(data, offset, length);
			if (node == null || node.isMissingNode()) {
				throw new DroppedDatagramException(DropReason.MALFORMED, "the " + part + " is empty");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new DroppedDatagramException(DropReason.MALFORMED,
					"the " + part + " is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private void requireHeader(JsonNode header) throws DroppedDatagramException {
		if (!"json".equals(Documents.text(header, "format")) || header.path("version").asInt(0) != 1) {
			throw new DroppedDatagramException(DropReason.MALFORMED,
					"the header is not {\"format\":\"json\",\"version\":1}: " + abbreviate(header.toString()));
		}
	}

	private ObjectNode validate(ObjectNode document) throws DroppedDatagramException {
		requireMatch(document, "id", SEGMENT_ID);
		requireMatch(document, "trace_id", TRACE_ID);
		if ("subsegment".equals(Documents.text(document, "type"))) {
			requireMatch(document, "parent_id", SEGMENT_ID);
		}
		else if (Documents.text(document, "name") == null) {
			throw new DroppedDatagramException(DropReason.INVALID, "the segment has no name");
		}
		if (Double.isNaN(Documents.number(document, "start_time"))) {
			throw new DroppedDatagramException(DropReason.INVALID, "the document has no numeric start_time");
		}
		return document;
	}

	private void requireMatch(JsonNode document, String field, Pattern pattern) throws DroppedDatagramException {
		String value = Documents.text(document, field);
		if (value == null || !pattern.matcher(value).matches()) {
			throw new DroppedDatagramException(DropReason.INVALID,
					"the document's " + field + " is missing or malformed: " + value);
		}
	}

	private static String abbreviate(String text) {
		return (text.length() <= 100) ? text : text.substring(0, 100) + "...";
	}

	private static int indexOf(byte[] data, int length, byte wanted) {
		for (int i = 0; i < length; i++) {
			if (data[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

}
