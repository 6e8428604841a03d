package com.example.containers.common.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error a service answers into an RFC 9457 problem+json body that says what
 * was wrong, naming the offending field where there is one.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail handleInvalidRequest(InvalidRequestException ex) {
		return Problems.invalidFields(ex.problems());
	}

	@ExceptionHandler(ApiException.class)
	ProblemDetail handleApiException(ApiException ex) {
		log.warn("Answering {}: {}", ex.status().value(), ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle(ex.title());
		return problem;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail handleUnexpected(Exception ex) {
		log.error("Unexpected error while handling a request", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The service failed unexpectedly; the error is in its log.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldProblem> problems = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiExceptionHandler::toFieldProblem)
			.toList();
		return ResponseEntity.badRequest().body(Problems.invalidFields(problems));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = RequestBodyProblems.describe(ex);
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String sent = quotedOrMissing(request.getHeader(HttpHeaders.CONTENT_TYPE));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"Content-Type " + sent + " is not supported; send " + ex.getSupportedMediaTypes() + ".");
		problem.setTitle("Unsupported content type");
		problem.setProperties(Map.of("field", "Content-Type"));
		return ResponseEntity.status(status).headers(headers).body(problem);
	}

	// Written as problem+json whatever the Accept header says: negotiating the error's
	// type against an Accept header that could not be negotiated would leave the answer
	// empty.
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"Accept " + quotedOrMissing(request.getHeader(HttpHeaders.ACCEPT)) + " allows no type this endpoint "
						+ "answers with; accept " + ex.getSupportedMediaTypes() + ".");
		problem.setTitle("Not acceptable");
		problem.setProperties(Map.of("field", "Accept"));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String quotedOrMissing(String header) {
		return (header != null) ? "'" + header + "'" : "missing";
	}

	private static Problems.FieldProblem toFieldProblem(FieldError error) {
		return new Problems.FieldProblem(error.getField(), error.getDefaultMessage());
	}

}
