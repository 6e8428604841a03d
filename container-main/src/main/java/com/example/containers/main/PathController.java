package com.example.containers.main;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two read endpoints: one slow on purpose, one that asks container-process.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
public class PathController {

	private final MainProperties properties;

	private final ProcessClient processClient;

	public PathController(MainProperties properties, ProcessClient processClient) {
		this.properties = properties;
		this.processClient = processClient;
	}

	@GetMapping("/path-one")
	public DataResponse pathOne() throws InterruptedException {
		Thread.sleep(this.properties.pathOneDelay().toMillis());
		return new DataResponse("path-one answered after " + this.properties.pathOneDelay().toMillis() + " ms");
	}

	@GetMapping("/path-two")
	public DataResponse pathTwo() {
		return new DataResponse(this.processClient.askProcess());
	}

	/**
	 * The answer of both read endpoints.
	 *
	 * @param data what the endpoint has to say
	 */
	public record DataResponse(String data) {
	}

}
