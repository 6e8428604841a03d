package com.example.containers.compose;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that where the Compose files of the local mode pass a variable on with a
 * default, the default is the one the service's {@code application.yml} gives it, so that
 * Compose never silently changes a setting.
 */
class ComposeDefaultsTests {

	private static final List<String> LOCAL_MODE = List.of("docker-compose.yml", "docker-compose.override.yml");

	private static final Pattern PASSED_ON = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):-([^}]*)}");

	private final Repository repository = Repository.locate();

	@Test
	void defaultsInTheComposeFilesAreTheApplicationDefaults() {
		Map<String, String> modules = modulesOfServices();
		int compared = 0;
		for (String file : LOCAL_MODE) {
			for (Map.Entry<String, Object> service : services(file).entrySet()) {
				Map<String, String> defaults = this.repository.placeholderDefaults(modules.get(service.getKey()));
				Map<String, Object> environment = section(asMap(service.getValue()), "environment");
				for (Map.Entry<String, Object> variable : environment.entrySet()) {
					Matcher matcher = PASSED_ON.matcher(String.valueOf(variable.getValue()));
					String name = variable.getKey();
					if (matcher.matches() && matcher.group(1).equals(name) && defaults.containsKey(name)) {
						assertThat(matcher.group(2)).as("default of %s for %s in %s", name, service.getKey(), file)
							.isEqualTo(defaults.get(name));
						compared++;
					}
				}
			}
		}
		assertThat(compared).as("variables compared").isGreaterThan(10);
	}

	private Map<String, String> modulesOfServices() {
		Map<String, String> modules = new HashMap<>();
		for (String file : LOCAL_MODE) {
			services(file).forEach((service, definition) -> {
				Object dockerfile = section(asMap(definition), "build").get("dockerfile");
				if (dockerfile != null) {
					modules.put(service, Path.of(String.valueOf(dockerfile)).getName(0).toString());
				}
			});
		}
		return modules;
	}

	private Map<String, Object> services(String file) {
		return section(new Yaml().load(this.repository.read(this.repository.resolve(file))), "services");
	}

	private static Map<String, Object> section(Map<String, Object> parent, String key) {
		return asMap(parent.get(key));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : Map.of();
	}

}
