package com.example.containers.consume;

import java.time.Instant;

/**
 * One message container-consume has handled.
 *
 * @param messageId the id SQS gave the message
 * @param groupId its FIFO message group
 * @param sequenceNumber its FIFO sequence number, an opaque string
 * @param body the message body
 * @param sentAt when SQS accepted it
 * @param consumedAt when container-consume finished handling it
 */
public record ConsumedMessage(String messageId, String groupId, String sequenceNumber, String body, Instant sentAt,
		Instant consumedAt) {
}
