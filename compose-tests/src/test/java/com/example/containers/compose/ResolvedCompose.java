package com.example.containers.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.Yaml;

/**
 * The configuration {@code config} printed: every service as Compose will run it,
 * variables interpolated and files merged. Reads both the output of Compose v1 and of
 * Compose v2, which differ in form (ports, environment lists, memory units).
 */
final class ResolvedCompose {

	private final Map<String, Object> config;

	private ResolvedCompose(Map<String, Object> config) {
		this.config = config;
	}

	static ResolvedCompose parse(String yaml) {
		return new ResolvedCompose(new Yaml().load(yaml));
	}

	Set<String> services() {
		return new TreeSet<>(map(this.config, "services").keySet());
	}

	/**
	 * The environment of a service; a variable passed through from an unset one has the
	 * value {@code null} (Compose v1) or is absent (Compose v2).
	 * @param service the service name
	 * @return the variables
	 */
	Map<String, String> environment(String service) {
		Object environment = service(service).get("environment");
		Map<String, String> variables = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> entries) {
			entries.forEach((name, value) -> variables.put(String.valueOf(name),
					(value != null) ? String.valueOf(value) : null));
		}
		else if (environment instanceof List<?> entries) {
			entries.stream().map(String::valueOf).forEach((entry) -> {
				int equals = entry.indexOf('=');
				variables.put((equals < 0) ? entry : entry.substring(0, equals),
						(equals < 0) ? null : entry.substring(equals + 1));
			});
		}
		return variables;
	}

	/**
	 * The ports a service publishes to the host.
	 * @param service the service name
	 * @return each as {@code published:target}
	 */
	List<String> publishedPorts(String service) {
		List<String> ports = new ArrayList<>();
		for (Object port : list(service(service), "ports")) {
			if (port instanceof Map<?, ?> mapping) {
				ports.add(mapping.get("published") + ":" + mapping.get("target"));
			}
			else {
				String[] parts = String.valueOf(port).replaceAll("/(tcp|udp)$", "").split(":");
				ports.add(parts[parts.length - 2] + ":" + parts[parts.length - 1]);
			}
		}
		return ports;
	}

	/**
	 * The command of a service's health check.
	 * @param service the service name
	 * @return the test, empty when the service has no health check or disables it
	 */
	List<String> healthCheckTest(String service) {
		Map<String, Object> healthcheck = map(service(service), "healthcheck");
		if (Boolean.TRUE.equals(healthcheck.get("disable"))) {
			return List.of();
		}
		Object test = healthcheck.get("test");
		if (test instanceof List<?> words) {
			return words.stream().map(String::valueOf).filter((word) -> !word.equals("NONE")).toList();
		}
		return (test != null) ? List.of("CMD-SHELL", String.valueOf(test)) : List.of();
	}

	Set<String> networks(String service) {
		Object networks = service(service).get("networks");
		if (networks instanceof Map<?, ?> named) {
			return new TreeSet<>(named.keySet().stream().map(String::valueOf).toList());
		}
		if (networks instanceof List<?> named) {
			return new TreeSet<>(named.stream().map(String::valueOf).toList());
		}
		return Set.of("default");
	}

	boolean isInternal(String network) {
		return Boolean.TRUE.equals(map(map(this.config, "networks"), network).get("internal"));
	}

	/**
	 * A service's memory limit, in bytes.
	 * @param service the service name
	 * @return the limit, if it has one
	 */
	Optional<Long> memoryLimitBytes(String service) {
		Object limit = map(map(map(service(service), "deploy"), "resources"), "limits").get("memory");
		if (limit == null) {
			limit = service(service).get("mem_limit");
		}
		return Optional.ofNullable(limit).map(String::valueOf).map(ResolvedCompose::bytes);
	}

	Optional<String> dockerfile(String service) {
		return Optional.ofNullable(map(service(service), "build").get("dockerfile")).map(String::valueOf);
	}

	Optional<String> buildContext(String service) {
		Object build = service(service).get("build");
		if (build instanceof String context) {
			return Optional.of(context);
		}
		return Optional.ofNullable(map(service(service), "build").get("context")).map(String::valueOf);
	}

	String image(String service) {
		return String.valueOf(service(service).get("image"));
	}

	/**
	 * The services a service waits for, and the condition it waits for.
	 * @param service the service name
	 * @return dependency names and conditions ({@code service_started} for the short
	 * form)
	 */
	Map<String, String> dependsOn(String service) {
		Object dependsOn = service(service).get("depends_on");
		Map<String, String> conditions = new LinkedHashMap<>();
		if (dependsOn instanceof Map<?, ?> entries) {
			entries.forEach((name, value) -> conditions.put(String.valueOf(name),
					String.valueOf(((Map<?, ?>) value).get("condition"))));
		}
		else if (dependsOn instanceof List<?> names) {
			names.forEach((name) -> conditions.put(String.valueOf(name), "service_started"));
		}
		return conditions;
	}

	private Map<String, Object> service(String name) {
		Map<String, Object> service = map(map(this.config, "services"), name);
		if (service.isEmpty()) {
			throw new IllegalArgumentException("No service " + name + " in " + services());
		}
		return service;
	}

	private static long bytes(String value) {
		String lower = value.strip().toLowerCase(Locale.ROOT).replaceAll("b$", "");
		long unit = switch (lower.isEmpty() ? ' ' : lower.charAt(lower.length() - 1)) {
			case 'k' -> 1L << 10;
			case 'm' -> 1L << 20;
			case 'g' -> 1L << 30;
			default -> 1L;
		};
		String number = (unit == 1L) ? lower : lower.substring(0, lower.length() - 1);
		return Long.parseLong(number) * unit;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object value = (parent != null) ? parent.get(key) : null;
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : Map.of();
	}

	private static List<?> list(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		return (value instanceof List<?> items) ? items : List.of();
	}

}
