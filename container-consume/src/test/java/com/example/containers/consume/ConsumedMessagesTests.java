package com.example.containers.consume;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history of consumed messages: bounded, oldest first, and aware of messages seen
 * before.
 */
class ConsumedMessagesTests {

	private final ConsumedMessages messages = new ConsumedMessages(
			new ConsumeProperties("http://localhost/queue.fifo", null, 30, "poison", 3, Duration.ZERO));

	@Test
	void keepsTheNewestMessagesUpToItsSizeOldestFirst() {
		for (int i = 1; i <= 5; i++) {
			this.messages.add(message("id-" + i));
		}

		assertThat(this.messages.list()).extracting(ConsumedMessage::messageId).containsExactly("id-3", "id-4", "id-5");
		assertThat(this.messages.contains("id-2")).isFalse();
	}

	@Test
	void recognizesAMessageDeliveredAgain() {
		assertThat(this.messages.add(message("id-1"))).isTrue();

		assertThat(this.messages.contains("id-1")).isTrue();
		assertThat(this.messages.add(message("id-1"))).isFalse();
		assertThat(this.messages.list()).hasSize(1);
	}

	private static ConsumedMessage message(String id) {
		return new ConsumedMessage(id, "group", "1", "body", Instant.EPOCH, Instant.EPOCH);
	}

}
