package com.example.containers.main;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.example.containers.common.web.ApiException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ProcessClient} against real HTTP servers that answer, answer too slowly, fail,
 * or are not there at all.
 */
class ProcessClientIntegrationTests {

	private HttpServer server;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void answerOfProcessIsReturned() throws IOException {
		int port = serve(200, "{\"data\":\"processed\"}", Duration.ZERO);

		assertThat(client(port).askProcess()).isEqualTo("processed");
	}

	@Test
	void processSlowerThanTheReadTimeoutGivesGatewayTimeoutWithinTheTimeout() throws IOException {
		int port = serve(200, "{\"data\":\"late\"}", Duration.ofSeconds(5));

		long started = System.nanoTime();
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> client(port).askProcess())
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void processTricklingItsBodyPastTheReadTimeoutGivesGatewayTimeout() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/process", (exchange) -> {
			try (exchange) {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, 0);
				for (char c : "{\"data\":\"slow\"}".toCharArray()) {
					exchange.getResponseBody().write(c);
					exchange.getResponseBody().flush();
					Thread.sleep(300);
				}
			}
			catch (InterruptedException | IOException ex) {
				// The client gave up; nothing is left to answer.
			}
		});
		this.server.start();
		int port = this.server.getAddress().getPort();

		long started = System.nanoTime();
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> client(port).askProcess())
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void processAnsweringAnErrorGivesBadGateway() throws IOException {
		int port = serve(500, "{\"error\":\"boom\"}", Duration.ZERO);

		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> client(port).askProcess())
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_GATEWAY))
			.withMessageContaining("answered 500");
	}

	@Test
	void processNotListeningGivesBadGateway() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}

		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> client(port).askProcess())
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_GATEWAY))
			.withMessageContaining("could not be reached");
	}

	private int serve(int status, String body, Duration delay) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/process", (exchange) -> {
			try {
				Thread.sleep(delay.toMillis());
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, bytes.length);
				exchange.getResponseBody().write(bytes);
			}
			catch (InterruptedException | IOException ex) {
				// The client gave up; nothing is left to answer.
			}
			finally {
				exchange.close();
			}
		});
		this.server.start();
		return this.server.getAddress().getPort();
	}

	private static ProcessClient client(int port) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		source.put("main.process.base-url", "http://127.0.0.1:" + port);
		source.put("main.process.read-timeout", "1s");
		source.put("main.sqs.queue-url", "unused");
		MainProperties properties = new Binder(source).bind("main", MainProperties.class).get();
		return new ProcessClient(RestClient.builder(), properties);
	}

}
