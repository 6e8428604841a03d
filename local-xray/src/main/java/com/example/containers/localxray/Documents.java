package com.example.containers.localxray;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the fields of segment documents that the stand-in works with, tolerating missing
 * or mistyped fields.
 */
public final class Documents {

	/**
	 * The mapper for segment documents; floats are kept as decimals so that timestamps
	 * with microseconds come back out exactly as they went in.
	 */
	public static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private Documents() {
	}

	/**
	 * A string field.
	 * @param node the object
	 * @param field the field name
	 * @return the value, or {@code null} when absent or not a string
	 */
	public static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	/**
	 * A number field.
	 * @param node the object
	 * @param field the field name
	 * @return the value, or {@code NaN} when absent or not a number
	 */
	public static double number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isNumber()) ? value.doubleValue() : Double.NaN;
	}

	/**
	 * A boolean field.
	 * @param node the object
	 * @param field the field name
	 * @return {@code true} only when the field is the boolean {@code true}
	 */
	public static boolean flag(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isBoolean() && value.booleanValue();
	}

	/**
	 * The subsegments of a segment or subsegment.
	 * @param node the segment or subsegment
	 * @return its subsegment objects, empty when it has none
	 */
	public static List<ObjectNode> subsegments(JsonNode node) {
		List<ObjectNode> children = new ArrayList<>();
		JsonNode array = node.get("subsegments");
		if (array != null && array.isArray()) {
			for (JsonNode child : array) {
				if (child.isObject()) {
					children.add((ObjectNode) child);
				}
			}
		}
		return children;
	}

	/**
	 * Visits a segment and all its subsegments, depth first.
	 * @param node the segment
	 * @param visitor called for the segment and each subsegment
	 */
	public static void walk(ObjectNode node, Consumer<ObjectNode> visitor) {
		visitor.accept(node);
		for (ObjectNode child : subsegments(node)) {
			walk(child, visitor);
		}
	}

	/**
	 * A time or duration in seconds as the JSON number the X-Ray API answers with,
	 * without the noise that subtracting two epoch-second doubles leaves.
	 * @param seconds epoch seconds, or a duration in seconds
	 * @return the value rounded to microseconds
	 */
	public static BigDecimal seconds(double seconds) {
		return BigDecimal.valueOf(seconds).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
	}

}
