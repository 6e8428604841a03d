package com.example.containers.main.sqs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.spring.aop.XRayEnabled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

import com.example.containers.common.web.ApiException;
import com.example.containers.common.web.InvalidRequestException;
import com.example.containers.common.web.Problems.FieldProblem;
import com.example.containers.main.MainProperties;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Checks a message against what SQS accepts, then sends it to the FIFO queue.
 */
@Service
@XRayEnabled
public class MessageSender {

	private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

	private final SqsClient sqs;

	private final MainProperties.Sqs properties;

	public MessageSender(SqsClient sqs, MainProperties properties) {
		this.sqs = sqs;
		this.properties = properties.sqs();
	}

	/**
	 * Sends one message. Without a group id the configured default group is used; without
	 * a deduplication id or idempotency key a random one is, so that two sends of the
	 * same text are both delivered. With an idempotency key the deduplication id is a
	 * hash of the key, the group and the body: a retry is dropped by SQS, another message
	 * that reuses the key is not.
	 * @param request what to send
	 * @param idempotencyKey the client's idempotency key, or {@code null}
	 * @return what SQS answered, with the ids used
	 * @throws InvalidRequestException when SQS would refuse the message; nothing is sent
	 */
	public SentMessage send(SendMessageRequest request, String idempotencyKey) {
		validate(request, idempotencyKey);
		String groupId = (request.groupId() != null) ? request.groupId() : this.properties.defaultGroupId();
		String deduplicationId = deduplicationId(request, groupId, idempotencyKey);
		SendMessageResponse response = sendToQueue(request.message(), groupId, deduplicationId);
		AWSXRay.getCurrentSegmentOptional().ifPresent((segment) -> {
			segment.putAnnotation("message_group", groupId);
			segment.putMetadata("sqs", "message_id", response.messageId());
			segment.putMetadata("sqs", "sequence_number", response.sequenceNumber());
		});
		log.info("Sent message {} to group {} with sequence number {}", response.messageId(), groupId,
				response.sequenceNumber());
		return new SentMessage(response.messageId(), response.sequenceNumber(), groupId, deduplicationId);
	}

	private SendMessageResponse sendToQueue(String body, String groupId, String deduplicationId) {
		try {
			return this.sqs.sendMessage((send) -> send.queueUrl(this.properties.queueUrl())
				.messageBody(body)
				.messageGroupId(groupId)
				.messageDeduplicationId(deduplicationId));
		}
		catch (ApiCallTimeoutException ex) {
			throw queueFailure(HttpStatus.GATEWAY_TIMEOUT,
					"The queue did not answer within " + this.properties.apiCallTimeout().toMillis()
							+ " ms; the message may or may not have been"
							+ " sent, so retry with the same Idempotency-Key",
					ex);
		}
		catch (SqsException ex) {
			throw queueFailure(HttpStatus.BAD_GATEWAY, "The queue refused the message: "
					+ ex.awsErrorDetails().errorCode() + " " + ex.awsErrorDetails().errorMessage(), ex);
		}
		catch (SdkClientException ex) {
			throw queueFailure(HttpStatus.BAD_GATEWAY,
					"The queue could not be reached; the message was not sent: " + ex.getMessage(), ex);
		}
	}

	private ApiException queueFailure(HttpStatus status, String detail, Exception cause) {
		return new ApiException(status, "Queue failure", detail, cause);
	}

	private void validate(SendMessageRequest request, String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.message() == null) {
			problems.add(new FieldProblem("message", "is required"));
		}
		else {
			check(problems, "message", SqsFifoRules.bodyProblem(request.message(), this.properties.maxMessageBytes()));
		}
		checkId(problems, "groupId", request.groupId());
		checkId(problems, "deduplicationId", request.deduplicationId());
		checkId(problems, SendMessageController.IDEMPOTENCY_KEY, idempotencyKey);
		if (idempotencyKey != null && request.deduplicationId() != null) {
			problems.add(new FieldProblem("deduplicationId",
					"cannot be sent with an Idempotency-Key header; send one of the two"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
	}

	private static void checkId(List<FieldProblem> problems, String field, String id) {
		if (id != null) {
			check(problems, field, SqsFifoRules.idProblem(id));
		}
	}

	private static void check(List<FieldProblem> problems, String field, String problem) {
		if (problem != null) {
			problems.add(new FieldProblem(field, problem));
		}
	}

	private static String deduplicationId(SendMessageRequest request, String groupId, String idempotencyKey) {
		if (idempotencyKey != null) {
			return idempotentDeduplicationId(idempotencyKey, groupId, request.message());
		}
		return (request.deduplicationId() != null) ? request.deduplicationId() : UUID.randomUUID().toString();
	}

	// SQS drops any message whose deduplication id it saw in the last five minutes.
	// Taking the key alone would make a key reused for another message drop that
	// message; a hash of the key, the group and the body makes only a true retry a
	// duplicate.
	private static String idempotentDeduplicationId(String key, String groupId, String body) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { key, groupId, body }) {
				sha256.update(part.getBytes(StandardCharsets.UTF_8));
				sha256.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
