package com.example.containers.common.web;

import java.util.List;

/**
 * Thrown when fields, headers or parameters of a request are invalid; answered with a 400
 * problem that names each of them.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<Problems.FieldProblem> problems;

	public InvalidRequestException(List<Problems.FieldProblem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	public List<Problems.FieldProblem> problems() {
		return this.problems;
	}

}
