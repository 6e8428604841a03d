package com.example.containers.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors Tomcat answers itself, before a request reaches the application, in the
 * services' problem+json format.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tracing.daemon-address=127.0.0.1:9")
class TomcatErrorsIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void headerTooLargeToParseIsAnsweredWithProblemJson() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/process"))
			.header("Idempotency-Key", "k".repeat(20_000))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":400").doesNotContain("<html");
	}

}
