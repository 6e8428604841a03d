package com.example.containers.main.sqs;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accepts messages for the FIFO queue.
 */
@RestController
@RequestMapping("/api")
public class SendMessageController {

	/**
	 * The header whose value becomes the deduplication id, so that a client's retry is
	 * delivered once.
	 */
	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final MessageSender sender;

	public SendMessageController(MessageSender sender) {
		this.sender = sender;
	}

	// produces: a client that accepts no JSON is refused with 406 before anything is
	// sent.
	@PostMapping(path = "/send-message", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	public SentMessage sendMessage(@RequestBody SendMessageRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
		return this.sender.send(request, idempotencyKey);
	}

}
