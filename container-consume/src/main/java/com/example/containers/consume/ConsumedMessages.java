package com.example.containers.consume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The most recently consumed messages, oldest first, bounded in memory. Also remembers
 * which message ids were consumed, so that a message SQS delivers again (a delete that
 * came too late) is recognized and not handled twice.
 */
@Component
public class ConsumedMessages {

	private final Map<String, ConsumedMessage> byMessageId;

	public ConsumedMessages(ConsumeProperties properties) {
		int capacity = properties.historySize();
		this.byMessageId = new LinkedHashMap<>(capacity * 4 / 3 + 1) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, ConsumedMessage> eldest) {
				return size() > capacity;
			}
		};
	}

	/**
	 * Records a consumed message.
	 * @param message the message
	 * @return {@code false} when a message with that id was recorded already
	 */
	public synchronized boolean add(ConsumedMessage message) {
		return this.byMessageId.putIfAbsent(message.messageId(), message) == null;
	}

	/**
	 * Says whether a message with that id was recorded and is still remembered.
	 * @param messageId the SQS message id
	 * @return whether it was consumed already
	 */
	public synchronized boolean contains(String messageId) {
		return this.byMessageId.containsKey(messageId);
	}

	/**
	 * The remembered messages.
	 * @return a copy, oldest first
	 */
	public synchronized List<ConsumedMessage> list() {
		return new ArrayList<>(this.byMessageId.values());
	}

}
