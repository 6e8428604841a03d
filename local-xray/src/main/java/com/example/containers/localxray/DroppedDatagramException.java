package com.example.containers.localxray;

/**
 * A datagram the stand-in cannot use, with the reason it was dropped.
 */
public class DroppedDatagramException extends Exception {

	private final DropReason reason;

	/**
	 * Creates the exception.
	 * @param reason the kind of problem
	 * @param message what exactly was wrong
	 */
	public DroppedDatagramException(DropReason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/**
	 * The kind of problem.
	 * @return the reason
	 */
	public DropReason reason() {
		return this.reason;
	}

	/**
	 * Why a datagram was dropped.
	 */
	public enum DropReason {

		/**
		 * It filled the largest UDP payload and did not parse: the sender's segment was
		 * cut off.
		 */
		TRUNCATED,

		/** It is not a header line followed by a JSON document. */
		MALFORMED,

		/**
		 * It parsed, but is not a segment or subsegment document the stand-in can store.
		 */
		INVALID

	}

}
