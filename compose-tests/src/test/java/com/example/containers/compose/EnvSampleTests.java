package com.example.containers.compose;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that {@code .env.sample} documents every variable the Compose files read, and
 * holds no credential.
 */
class EnvSampleTests {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");

	private final Repository repository = Repository.locate();

	private final EnvSample sample = EnvSample.read(this.repository.resolve(".env.sample"));

	@Test
	void listsEveryVariableTheComposeFilesRead() {
		Set<String> read = new TreeSet<>();
		for (String file : this.repository.composeFiles()) {
			Matcher matcher = VARIABLE.matcher(this.repository.read(this.repository.resolve(file)));
			while (matcher.find()) {
				read.add(matcher.group(1));
			}
		}
		read.addAll(Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "COMPOSE_FILE"));
		assertThat(read).contains("MAIN_IMAGE", "SQS_QUEUE_URL");
		assertThat(this.sample.entries()).containsKeys(read.toArray(String[]::new));
	}

	@Test
	void explainsEveryVariableInTheLineAboveIt() {
		for (EnvSample.Entry entry : this.sample.entries().values()) {
			assertThat(entry.comment()).as("comment above %s", entry.name()).isNotBlank();
		}
	}

	@Test
	void holdsNoCredentialAndLeavesThemOff() {
		Map<String, EnvSample.Entry> entries = this.sample.entries();
		for (String name : new String[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" }) {
			assertThat(entries.get(name).active()).as("%s is set", name).isFalse();
			assertThat(entries.get(name).value()).as("value of %s", name).isEmpty();
		}
	}

	@Test
	void selectsTheLocalModeUnlessTheAwsLineIsSwitchedOn() {
		EnvSample.Entry composeFile = this.sample.entry("COMPOSE_FILE");
		assertThat(composeFile.active()).isFalse();
		for (String file : composeFile.value().split(":")) {
			assertThat(this.repository.resolve(file)).isRegularFile();
		}
		assertThat(composeFile.value().split(":")).doesNotContain("docker-compose.override.yml");
	}

}
