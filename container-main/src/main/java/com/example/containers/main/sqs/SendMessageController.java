package com.example.containers.main.sqs;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.example.containers.common.web.InvalidRequestException;
import com.example.containers.common.web.Problems.FieldProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
	public SentMessage sendMessage(@RequestBody SendMessageRequest request, HttpServletRequest http) {
		return this.sender.send(request, idempotencyKey(http));
	}

	// Spring would join repeated headers into "k1,k2": a retry whose key a proxy
	// repeated would then be a new message. A key sent more than once is refused
	// instead.
	private static String idempotencyKey(HttpServletRequest http) {
		List<String> keys = Collections.list(http.getHeaders(IDEMPOTENCY_KEY));
		if (keys.size() > 1) {
			throw new InvalidRequestException(
					List.of(new FieldProblem(IDEMPOTENCY_KEY, "was sent " + keys.size() + " times; send it once")));
		}
		return keys.isEmpty() ? null : keys.get(0);
	}

}
