package com.example.containers.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One packaged service of the system, run as its own JVM from the jar the build made, the
 * way a user runs it.
 */
final class ServiceProcess implements AutoCloseable {

	private static final Path ROOT = Path.of(System.getProperty("systemtests.root", "..")).toAbsolutePath().normalize();

	private static final Path LOGS = Path.of(System.getProperty("systemtests.logs", "target/service-logs"));

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final String module;

	private final int port;

	private final Map<String, String> environment;

	private Process process;

	ServiceProcess(String module, int port, Map<String, String> environment) {
		this.module = module;
		this.port = port;
		this.environment = environment;
	}

	/**
	 * A free TCP port on the loopback interface.
	 * @return the port
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port", ex);
		}
	}

	/**
	 * Starts the service's jar, without waiting for it.
	 * @return this service
	 */
	ServiceProcess start() {
		Path jar = ROOT.resolve(this.module).resolve("target").resolve(this.module + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					jar + " is missing: run the tests with ./mvnw verify, which packages it first");
		}
		try {
			Files.createDirectories(LOGS);
			List<String> command = new ArrayList<>(
					List.of(javaExecutable(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(this.module + ".log").toFile()));
			builder.environment().putAll(this.environment);
			builder.environment().put("SERVER_PORT", Integer.toString(this.port));
			this.process = builder.start();
			return this;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + this.module, ex);
		}
	}

	/**
	 * Waits until the service's health endpoint answers UP.
	 * @return this service
	 */
	ServiceProcess awaitHealthy() {
		await(this.module + " healthy on port " + this.port).atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(this.module + " exited with " + this.process.exitValue()
							+ "; its log is in " + LOGS.resolve(this.module + ".log"));
				}
				return isHealthy();
			});
		return this;
	}

	/**
	 * The resident memory of the service's JVM, as Linux reports it.
	 * @return the size in KiB, or -1 where {@code /proc} is not there to ask
	 */
	long residentKib() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
			return -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@Override
	public void close() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean isHealthy() {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri("/actuator/health"))
				.timeout(Duration.ofSeconds(2))
				.build();
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
