package com.example.containers.process;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work container-main delegates over HTTP.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProcessController {

	private static final Logger log = LoggerFactory.getLogger(ProcessController.class);

	private final ProcessProperties properties;

	private final Clock clock;

	public ProcessController(ProcessProperties properties) {
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	@GetMapping("/process")
	public ProcessResponse process() throws InterruptedException {
		if (!this.properties.delay().isZero()) {
			Thread.sleep(this.properties.delay().toMillis());
		}
		Instant now = this.clock.instant();
		log.debug("Processed a request at {}", now);
		return new ProcessResponse("processed by " + this.properties.name() + " at " + now);
	}

	/**
	 * What process answers.
	 *
	 * @param data a text saying which instance processed the request, and when
	 */
	public record ProcessResponse(String data) {
	}

}
