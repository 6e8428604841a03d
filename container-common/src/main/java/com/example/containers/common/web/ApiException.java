package com.example.containers.common.web;

import org.springframework.http.HttpStatus;

/**
 * An error with the status and title a service answers it with, such as a dependency that
 * is down (502) or too slow (504).
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String title;

	public ApiException(HttpStatus status, String title, String detail, Throwable cause) {
		super(detail, cause);
		this.status = status;
		this.title = title;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

}
