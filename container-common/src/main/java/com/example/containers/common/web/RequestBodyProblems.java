package com.example.containers.common.web;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Says what is wrong with a request body that could not be read, in words a client can
 * act on: the field of the wrong type, the JSON syntax error, the missing body. It never
 * passes on the parser's own messages, which name Java classes and methods.
 */
final class RequestBodyProblems {

	private RequestBodyProblems() {
	}

	static ProblemDetail describe(HttpMessageNotReadableException ex) {
		RequestSizeLimitFilter.RequestTooLargeException tooLarge = find(ex,
				RequestSizeLimitFilter.RequestTooLargeException.class);
		if (tooLarge != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					tooLarge.getMessage() + ".");
			problem.setTitle("Request body too large");
			return problem;
		}
		JacksonException json = find(ex, JacksonException.class);
		if (json instanceof UnrecognizedPropertyException unknown) {
			return Problems.invalidFields(List.of(new Problems.FieldProblem(path(json),
					"is not a field of this request; the fields are " + unknown.getKnownPropertyIds())));
		}
		if (json instanceof DatabindException && !json.getPath().isEmpty()) {
			return Problems.invalidFields(List.of(new Problems.FieldProblem(path(json), expected(json))));
		}
		if (json instanceof DatabindException) {
			return malformed("The request body must be a JSON object.");
		}
		if (json != null) {
			return malformed("The request body is not valid JSON: " + firstLine(json.getOriginalMessage()) + ".");
		}
		return malformed("The request body is missing or unreadable; send a JSON object.");
	}

	private static ProblemDetail malformed(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Malformed request body");
		return problem;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String expected(JacksonException ex) {
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			Class<?> type = mismatch.getTargetType();
			return (type == String.class) ? "must be a JSON string" : "must be a JSON " + type.getSimpleName();
		}
		return "has a value of the wrong type";
	}

	private static String firstLine(String message) {
		if (message == null || message.isBlank()) {
			return "it could not be parsed";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
