package com.example.containers.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Compose implementation installed on this machine: the {@code docker compose} plugin
 * or Debian's {@code docker-compose}. Its {@code config} command resolves the Compose
 * files without a Docker engine.
 */
final class ComposeCli {

	private static final String INSTALL = "apt-get install -y docker-compose";

	private final List<String> command;

	private ComposeCli(List<String> command) {
		this.command = command;
	}

	/**
	 * Finds an installed Compose implementation, or skips the calling test when there is
	 * none. Under CI (the {@code CI} environment variable set) a missing Compose fails
	 * instead, since CI installs one.
	 * @return the Compose implementation
	 */
	static ComposeCli require() {
		Optional<ComposeCli> cli = detect();
		String missing = "No Compose implementation is installed (neither the 'docker compose' plugin nor"
				+ " 'docker-compose'), so the Compose file cannot be resolved";
		if (cli.isEmpty() && System.getenv("CI") != null) {
			fail(missing + "; CI must install one: " + INSTALL);
		}
		assumeTrue(cli.isPresent(), missing + "; install one to run this test (Debian: " + INSTALL + ")");
		return cli.get();
	}

	static Optional<ComposeCli> detect() {
		for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
			ComposeCli cli = new ComposeCli(candidate);
			if (cli.answers()) {
				return Optional.of(cli);
			}
		}
		return Optional.empty();
	}

	/**
	 * Runs {@code config} in a folder, with the given variables as its only environment
	 * file and no other variable of this JVM's environment (so that neither a developer's
	 * {@code .env} nor their shell changes the outcome).
	 * @param projectDir the folder holding the Compose files
	 * @param env the variables of the environment file
	 * @return what the command printed, and its exit code
	 */
	Result config(Path projectDir, Map<String, String> env) {
		Path envFile = writeEnvFile(env);
		try {
			List<String> args = new ArrayList<>(this.command);
			args.addAll(List.of("--env-file", envFile.toString(), "config"));
			return run(projectDir, args);
		}
		finally {
			delete(envFile);
		}
	}

	/**
	 * Runs {@code config} and reads the resolved configuration, failing when Compose
	 * refuses it.
	 * @param projectDir the folder holding the Compose files
	 * @param env the variables of the environment file
	 * @return the resolved configuration
	 */
	ResolvedCompose resolve(Path projectDir, Map<String, String> env) {
		Result result = config(projectDir, env);
		assertThat(result.exitCode()).as("%s config with %s failed:%n%s", this, env.keySet(), result.stderr()).isZero();
		return ResolvedCompose.parse(result.stdout());
	}

	@Override
	public String toString() {
		return String.join(" ", this.command);
	}

	private boolean answers() {
		List<String> args = new ArrayList<>(this.command);
		args.add("version");
		try {
			return run(Path.of("").toAbsolutePath(), args).exitCode() == 0;
		}
		catch (UncheckedIOException ex) {
			return false;
		}
	}

	private static Result run(Path dir, List<String> args) {
		ProcessBuilder builder = new ProcessBuilder(args).directory(dir.toFile());
		Map<String, String> environment = builder.environment();
		String path = environment.get("PATH");
		String home = environment.get("HOME");
		environment.clear();
		environment.put("PATH", (path != null) ? path : "/usr/local/bin:/usr/bin:/bin");
		environment.put("HOME", (home != null) ? home : System.getProperty("user.home"));
		try {
			Process process = builder.start();
			CompletableFuture<String> stdout = readAsync(process.getInputStream());
			CompletableFuture<String> stderr = readAsync(process.getErrorStream());
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(args + " did not finish within 2 minutes");
			}
			return new Result(process.exitValue(), stdout.join(), stderr.join());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static CompletableFuture<String> readAsync(InputStream stream) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static Path writeEnvFile(Map<String, String> env) {
		try {
			Path file = Files.createTempFile("compose-test", ".env");
			String lines = env.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.collect(Collectors.joining("\n", "", "\n"));
			return Files.writeString(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What one Compose command did.
	 *
	 * @param exitCode its exit code
	 * @param stdout what it printed to standard output
	 * @param stderr what it printed to standard error
	 */
	record Result(int exitCode, String stdout, String stderr) {
	}

}
