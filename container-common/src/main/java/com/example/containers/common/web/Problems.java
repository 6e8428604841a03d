package com.example.containers.common.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem details the services answer with, so that every service names
 * invalid fields the same way.
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * A 400 problem whose detail names each invalid field and whose {@code errors}
	 * property lists them for programs.
	 * @param problems the invalid fields, at least one
	 * @return the problem detail
	 */
	public static ProblemDetail invalidFields(List<FieldProblem> problems) {
		String detail = problems.stream()
			.map((problem) -> problem.field() + ": " + problem.message())
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", problems);
		return problem;
	}

	/**
	 * One invalid field of a request and what is wrong with it.
	 *
	 * @param field the name of the field, header or parameter
	 * @param message what is wrong with it
	 */
	public record FieldProblem(String field, String message) {
	}

}
