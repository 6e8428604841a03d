package com.example.containers.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;

/**
 * The {@code x-aws-*} parts of {@code docker-compose.ecs.yml}, read from the file itself:
 * Compose v1 leaves extension fields out of what {@code config} prints once it merges
 * files, and only the Compose ECS integration reads them.
 */
final class EcsComposeFile {

	static final String FILE = "docker-compose.ecs.yml";

	private final Map<String, Object> yaml;

	private EcsComposeFile(Map<String, Object> yaml) {
		this.yaml = yaml;
	}

	static EcsComposeFile read(Repository repository) {
		return new EcsComposeFile(new Yaml().load(repository.read(repository.resolve(FILE))));
	}

	/**
	 * The logical name the Compose ECS integration derives from a Compose name:
	 * characters other than letters and digits dropped, the first letter in upper case
	 * ({@code xray} gives {@code Xray}).
	 * @param composeName a service or network name
	 * @return the prefix of the CloudFormation logical names generated for it
	 */
	static String logicalName(String composeName) {
		String name = composeName.replaceAll("[^a-zA-Z0-9]+", "");
		return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	Object topLevel(String key) {
		return this.yaml.get(key);
	}

	/** The resources of the {@code x-aws-cloudformation} overlay, by logical name. */
	Map<String, Object> overlayResources() {
		return map(map(this.yaml, "x-aws-cloudformation"), "Resources");
	}

	/** The properties one resource of the overlay sets. */
	Map<String, Object> overlayProperties(String logicalName) {
		return map(map(overlayResources(), logicalName), "Properties");
	}

	Map<String, Object> service(String name) {
		return map(map(this.yaml, "services"), name);
	}

	/**
	 * The statements of a service's {@code x-aws-role} policy, empty when it has none.
	 */
	List<Map<String, Object>> roleStatements(String service) {
		List<Map<String, Object>> statements = new ArrayList<>();
		Object listed = map(service(service), "x-aws-role").get("Statement");
		if (listed instanceof List<?> items) {
			items.forEach((item) -> statements.add(asMap(item)));
		}
		return statements;
	}

	/** The actions a service's {@code x-aws-role} allows, in the order written. */
	List<String> roleActions(String service) {
		List<String> actions = new ArrayList<>();
		for (Map<String, Object> statement : roleStatements(service)) {
			actions.addAll(strings(statement.get("Action")));
		}
		return actions;
	}

	/** The CPU limit a service's {@code deploy} section sets, in vCPUs. */
	Optional<Double> cpuLimit(String service) {
		Object cpus = map(map(map(service(service), "deploy"), "resources"), "limits").get("cpus");
		return Optional.ofNullable(cpus).map(String::valueOf).map(Double::valueOf);
	}

	static List<String> strings(Object value) {
		if (value instanceof List<?> items) {
			return items.stream().map(String::valueOf).toList();
		}
		return (value != null) ? List.of(String.valueOf(value)) : List.of();
	}

	static Map<String, Object> map(Map<String, Object> parent, String key) {
		return asMap((parent != null) ? parent.get(key) : null);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asMap(Object value) {
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : Map.of();
	}

}
