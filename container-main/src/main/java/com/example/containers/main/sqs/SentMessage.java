package com.example.containers.main.sqs;

/**
 * What SQS said about a sent message, and the ids it was sent with.
 *
 * @param messageId the id SQS gave the message
 * @param sequenceNumber the FIFO sequence number, an opaque string that only grows within
 * a group
 * @param groupId the message group used
 * @param deduplicationId the deduplication id used
 */
public record SentMessage(String messageId, String sequenceNumber, String groupId, String deduplicationId) {
}
