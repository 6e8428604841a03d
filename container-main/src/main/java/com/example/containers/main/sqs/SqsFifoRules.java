package com.example.containers.main.sqs;

import java.nio.charset.StandardCharsets;

/**
 * What Amazon SQS accepts in a FIFO message, checked here rather than left to the queue,
 * because ElasticMQ and SQS disagree on limits and error codes.
 */
public final class SqsFifoRules {

	/** The longest group or deduplication id SQS accepts. */
	public static final int MAX_ID_LENGTH = 128;

	private SqsFifoRules() {
	}

	/**
	 * Says what is wrong with a group or deduplication id.
	 * @param id the id, not {@code null}
	 * @return what is wrong, or {@code null} when SQS accepts it
	 */
	public static String idProblem(String id) {
		if (id.isEmpty()) {
			return "must not be empty";
		}
		if (id.length() > MAX_ID_LENGTH) {
			return "must be at most " + MAX_ID_LENGTH + " characters, was " + id.length();
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (!isIdCharacter(c)) {
				return "may hold only letters, digits and ASCII punctuation; found " + describe(id.codePointAt(i))
						+ " at index " + i;
			}
		}
		return null;
	}

	/**
	 * Says what is wrong with a message body.
	 * @param body the body, not {@code null}
	 * @param maxBytes the largest size, in UTF-8 bytes, to accept
	 * @return what is wrong, or {@code null} when SQS accepts it
	 */
	public static String bodyProblem(String body, int maxBytes) {
		if (body.isEmpty()) {
			return "must not be empty";
		}
		for (int i = 0; i < body.length();) {
			int codePoint = body.codePointAt(i);
			if (!isBodyCodePoint(codePoint)) {
				return "holds " + describe(codePoint) + " at index " + i + ", which SQS does not allow";
			}
			i += Character.charCount(codePoint);
		}
		int bytes = body.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > maxBytes) {
			return "must be at most " + maxBytes + " bytes in UTF-8, was " + bytes;
		}
		return null;
	}

	// Letters, digits and ASCII punctuation are exactly the printable ASCII characters
	// but space.
	private static boolean isIdCharacter(char c) {
		return c >= '!' && c <= '~';
	}

	// The XML 1.0 character set, which is what SQS documents for message bodies. A lone
	// surrogate arrives here as its own code point and so falls outside every range.
	private static boolean isBodyCodePoint(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}

	private static String describe(int codePoint) {
		return String.format("U+%04X", codePoint);
	}

}
