package com.example.containers.main.sqs;

/**
 * What a client asks container-main to send to the queue.
 *
 * @param message the message body
 * @param groupId the FIFO message group; messages of one group are consumed in order
 * @param deduplicationId the FIFO deduplication id; SQS drops a second message with the
 * same id within five minutes
 */
public record SendMessageRequest(String message, String groupId, String deduplicationId) {
}
