package com.example.containers.consume;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows what container-consume has done.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
public class ConsumedController {

	private final ConsumedMessages consumedMessages;

	public ConsumedController(ConsumedMessages consumedMessages) {
		this.consumedMessages = consumedMessages;
	}

	@GetMapping("/consumed")
	public List<ConsumedMessage> consumed() {
		return this.consumedMessages.list();
	}

}
