package com.example.containers.localxray;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.containers.localxray.SamplingRules.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SamplingRulesTests {

	@Test
	void sampleEverythingShouldHaveOneDefaultRuleWithRateOne() {
		assertThat(SamplingRules.sampleEverything().rules())
			.containsExactly(new Rule("Default", 10_000, 1, 1.0, "*", "*", "*", "*"));
	}

	@Test
	void fromFileShouldReadTheLocalRulesFormatOfTheSdks(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("sampling-rules.json");
		Files.writeString(file, """
				{"version": 2,
				 "rules": [{"description": "health checks", "host": "*", "http_method": "GET",
				            "url_path": "/actuator/*", "fixed_target": 0, "rate": 0.0}],
				 "default": {"fixed_target": 1, "rate": 0.1}}
				""");

		SamplingRules rules = SamplingRules.fromFile(file);

		assertThat(rules.rules()).containsExactly(new Rule("health-checks", 1, 0, 0.0, "*", "*", "GET", "/actuator/*"),
				new Rule("Default", 10_000, 1, 0.1, "*", "*", "*", "*"));
	}

	@Test
	void fromFileWithoutDefaultShouldFail(@TempDir Path directory) throws Exception {
		Path file = Files.writeString(directory.resolve("rules.json"), "{\"version\": 2, \"rules\": []}");

		assertThatIllegalArgumentException().isThrownBy(() -> SamplingRules.fromFile(file))
			.withMessageContaining("no \"default\" rule");
	}

}
