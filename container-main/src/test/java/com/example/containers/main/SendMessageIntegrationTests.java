package com.example.containers.main;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/send-message} against a real, embedded ElasticMQ: what is sent, and
 * what is refused before anything is sent.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SendMessageIntegrationTests {

	private static final LocalSqs sqs;

	static {
		System.setProperty("aws.accessKeyId", "test");
		System.setProperty("aws.secretAccessKey", "test");
		sqs = new LocalSqs();
	}

	@Autowired
	private MockMvc mvc;

	@DynamicPropertySource
	static void sqsProperties(DynamicPropertyRegistry registry) {
		registry.add("main.sqs.endpoint", sqs::endpoint);
		registry.add("main.sqs.queue-url", sqs::queueUrl);
		registry.add("main.sqs.max-message-bytes", () -> "1024");
		registry.add("api.max-request-size", () -> "4KB");
		// No X-Ray daemon listens there: main must work the same and say so once.
		registry.add("tracing.daemon-address", () -> "127.0.0.1:" + closedPort());
	}

	@AfterAll
	static void stopSqs() {
		sqs.close();
	}

	@BeforeEach
	void emptyQueue() {
		sqs.drain();
	}

	@Test
	void sendShouldAnswer202WithWhatSqsReturnedAndDeliverTheMessage() throws Exception {
		send("{\"message\":\"hello\",\"groupId\":\"orders\",\"deduplicationId\":\"d-1\"}", null)
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.messageId").isNotEmpty())
			.andExpect(jsonPath("$.sequenceNumber").isNotEmpty())
			.andExpect(jsonPath("$.groupId").value("orders"))
			.andExpect(jsonPath("$.deduplicationId").value("d-1"));

		Message delivered = sqs.drain().get(0);
		assertThat(delivered.body()).isEqualTo("hello");
		assertThat(delivered.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "orders")
			.containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "d-1");
	}

	@Test
	void sendsWorkWithoutAnXRayDaemonWhoseAbsenceIsLoggedOnce(CapturedOutput output) throws Exception {
		for (int i = 0; i < 3; i++) {
			send("{\"message\":\"untraced " + i + "\"}", null).andExpect(status().isAccepted());
		}

		assertThat(sqs.drain()).hasSize(3);
		assertThat(output.getOut().split("No X-Ray daemon answers", -1)).hasSize(2);
	}

	@Test
	void twoSendsOfTheSameTextWithoutIdsShouldBothBeDeliveredToTheDefaultGroup() throws Exception {
		send("{\"message\":\"same text\"}", null).andExpect(status().isAccepted())
			.andExpect(jsonPath("$.groupId").value("default"));
		send("{\"message\":\"same text\"}", null).andExpect(status().isAccepted());

		assertThat(sqs.drain()).extracting(Message::body).containsExactly("same text", "same text");
	}

	@Test
	void sendRetriedWithTheSameIdempotencyKeyShouldBeDeliveredOnce() throws Exception {
		String first = send("{\"message\":\"pay 10\"}", "payment-7").andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String retry = send("{\"message\":\"pay 10\"}", "payment-7").andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(retry).isEqualTo(first);
		assertThat(sqs.drain()).extracting(Message::body).containsExactly("pay 10");
	}

	@Test
	void anIdempotencyKeyReusedForAnotherMessageShouldNotSwallowIt() throws Exception {
		send("{\"message\":\"client A\",\"groupId\":\"a\"}", "1").andExpect(status().isAccepted());
		send("{\"message\":\"client B\",\"groupId\":\"b\"}", "1").andExpect(status().isAccepted());
		send("{\"message\":\"client C\",\"groupId\":\"a\"}", "1").andExpect(status().isAccepted());

		assertThat(sqs.drain()).extracting(Message::body).containsExactlyInAnyOrder("client A", "client B", "client C");
	}

	@Test
	void clientThatAcceptsNoJsonShouldGet406AndNothingSent() throws Exception {
		this.mvc
			.perform(post("/api/send-message").contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.TEXT_PLAIN)
				.content("{\"message\":\"m\"}"))
			.andExpect(status().isNotAcceptable());

		assertThat(sqs.drain()).isEmpty();
	}

	@Test
	void bodyOverTheRequestSizeLimitShouldGet413AndNothingSent() throws Exception {
		send("{\"message\":\"" + "a".repeat(5000) + "\"}", null).andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("4096 bytes")));

		assertThat(sqs.drain()).isEmpty();
	}

	@Test
	void idempotencyKeySentTwiceShouldAnswer400AndSendNothing() throws Exception {
		this.mvc
			.perform(post("/api/send-message").contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", "k3", "k3")
				.content("{\"message\":\"m\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));

		assertThat(sqs.drain()).isEmpty();
	}

	@Test
	void fieldSentTwiceShouldAnswer400AndSendNothing() throws Exception {
		send("{\"message\":\"a\",\"message\":\"b\"}", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Duplicate")));

		assertThat(sqs.drain()).isEmpty();
	}

	@Test
	void unreadableAcceptHeaderShouldGet406ProblemAndNothingSent() throws Exception {
		this.mvc
			.perform(post("/api/send-message").contentType(MediaType.APPLICATION_JSON)
				.header("Accept", "garbage")
				.content("{\"message\":\"m\"}"))
			.andExpect(status().isNotAcceptable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("Accept"));

		assertThat(sqs.drain()).isEmpty();
	}

	@Test
	void missingBodyShouldAnswer400WithoutNamingJavaCode() throws Exception {
		this.mvc.perform(post("/api/send-message").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("missing")))
			.andExpect(jsonPath("$.detail")
				.value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("com."))));
	}

	@Test
	void sendWithIdsOfTheLongestAllowedLengthShouldBeDelivered() throws Exception {
		String id = "g".repeat(128);
		send("{\"message\":\"m\",\"groupId\":\"" + id + "\",\"deduplicationId\":\"" + id + "\"}", null)
			.andExpect(status().isAccepted());

		assertThat(sqs.drain()).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSends")
	void invalidSendShouldAnswer400NamingTheFieldAndSendNothing(String description, String body, String idempotencyKey,
			String field) throws Exception {
		send(body, idempotencyKey).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(field + ": ")));

		assertThat(sqs.drain()).isEmpty();
	}

	static Stream<Arguments> invalidSends() {
		return Stream.of(arguments("no message", "{\"groupId\":\"g\"}", null, "message"),
				arguments("empty message", "{\"message\":\"\"}", null, "message"),
				arguments("message over the byte limit in UTF-8", "{\"message\":\"" + "é".repeat(513) + "\"}", null,
						"message"),
				arguments("NUL character", "{\"message\":\"a\\u0000b\"}", null, "message"),
				arguments("U+FFFF", "{\"message\":\"a\\uFFFFb\"}", null, "message"),
				arguments("lone surrogate", "{\"message\":\"a\\uD800b\"}", null, "message"),
				arguments("group id of 129 characters", "{\"message\":\"m\",\"groupId\":\"" + "g".repeat(129) + "\"}",
						null, "groupId"),
				arguments("group id with a space", "{\"message\":\"m\",\"groupId\":\"a b\"}", null, "groupId"),
				arguments("group id with a non-ASCII letter", "{\"message\":\"m\",\"groupId\":\"caf\u00e9\"}", null,
						"groupId"),
				arguments("empty group id", "{\"message\":\"m\",\"groupId\":\"\"}", null, "groupId"),
				arguments("deduplication id of 129 characters",
						"{\"message\":\"m\",\"deduplicationId\":\"" + "d".repeat(129) + "\"}", null, "deduplicationId"),
				arguments("deduplication id with a space", "{\"message\":\"m\",\"deduplicationId\":\"a b\"}", null,
						"deduplicationId"),
				arguments("idempotency key with a space", "{\"message\":\"m\"}", "a b", "Idempotency-Key"),
				arguments("idempotency key of 129 characters", "{\"message\":\"m\"}", "k".repeat(129),
						"Idempotency-Key"),
				arguments("idempotency key and a deduplication id", "{\"message\":\"m\",\"deduplicationId\":\"one\"}",
						"one", "deduplicationId"),
				arguments("message as a number", "{\"message\":42}", null, "message"),
				arguments("message as a boolean", "{\"message\":true}", null, "message"),
				arguments("message as an object", "{\"message\":{\"text\":\"m\"}}", null, "message"),
				arguments("group id as a number", "{\"message\":\"m\",\"groupId\":7}", null, "groupId"),
				arguments("misspelt field", "{\"message\":\"m\",\"groupID\":\"orders\"}", null, "groupID"));
	}

	@Test
	void malformedJsonShouldAnswer400AndSendNothing() throws Exception {
		send("{\"message\": ", null).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not valid JSON")));

		assertThat(sqs.drain()).isEmpty();
	}

	@Test
	void jsonOfTheWrongShapeShouldAnswer400AndSendNothing() throws Exception {
		send("[\"hello\"]", null).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The request body must be a JSON object."));

		assertThat(sqs.drain()).isEmpty();
	}

	@Test
	void wrongContentTypeShouldAnswer415NamingTheContentTypeAndSendNothing() throws Exception {
		this.mvc.perform(post("/api/send-message").contentType(MediaType.TEXT_PLAIN).content("hello"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("Content-Type"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("text/plain")));

		assertThat(sqs.drain()).isEmpty();
	}

	private ResultActions send(String body, String idempotencyKey) throws Exception {
		var request = post("/api/send-message").contentType(MediaType.APPLICATION_JSON).content(body);
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.mvc.perform(request);
	}

	private static int closedPort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Arguments arguments(Object... values) {
		return Arguments.of(values);
	}

}
