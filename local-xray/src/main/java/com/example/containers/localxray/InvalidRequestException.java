package com.example.containers.localxray;

/**
 * A request to the X-Ray API that the stand-in refuses, as X-Ray does with
 * {@code InvalidRequestException} and HTTP 400.
 */
public class InvalidRequestException extends RuntimeException {

	/** The error type X-Ray names in its error answers. */
	public static final String ERROR_TYPE = "InvalidRequestException";

	/**
	 * Creates the exception.
	 * @param message what is wrong with the request, naming the field
	 */
	public InvalidRequestException(String message) {
		super(message);
	}

}
