package com.example.containers.localxray;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The sampling rules the stand-in hands out to X-Ray SDKs. By default one rule samples
 * every request; a file in the format of the SDKs' local sampling rules (version 1 or 2)
 * replaces it.
 */
public final class SamplingRules {

	private static final int DEFAULT_PRIORITY = 10_000;

	private final List<Rule> rules;

	private final double modifiedAt;

	private SamplingRules(List<Rule> rules, double modifiedAt) {
		this.rules = List.copyOf(rules);
		this.modifiedAt = modifiedAt;
	}

	/**
	 * The built-in rules: sample every request.
	 * @return one default rule with a rate of 1
	 */
	public static SamplingRules sampleEverything() {
		return new SamplingRules(List.of(Rule.fallback(1, 1.0)), now());
	}

	/**
	 * Reads rules from a local sampling rules file of the X-Ray SDKs: {@code rules} with
	 * {@code description}, {@code host} (or {@code service_name} in version 1),
	 * {@code http_method}, {@code url_path}, {@code fixed_target} and {@code rate}, and a
	 * {@code default} with {@code fixed_target} and {@code rate}.
	 * @param file the file
	 * @return the rules, in the order of the file, then the default
	 * @throws IllegalArgumentException when the file cannot be read or is not such a
	 * document
	 */
	public static SamplingRules fromFile(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return fromDocument(Documents.MAPPER.readTree(in), file.toString());
		}
		catch (IOException | JacksonException ex) {
			throw new IllegalArgumentException("Cannot read the sampling rules file " + file + ": " + ex.getMessage(),
					ex);
		}
	}

	static SamplingRules fromDocument(JsonNode document, String source) {
		JsonNode fallback = document.get("default");
		if (fallback == null || !fallback.isObject()) {
			throw new IllegalArgumentException("The sampling rules in " + source + " have no \"default\" rule");
		}
		List<Rule> rules = new ArrayList<>();
		int priority = 1;
		for (JsonNode rule : document.path("rules")) {
			rules.add(Rule.of(rule, priority++));
		}
		rules.add(Rule.fallback(fallback.path("fixed_target").asInt(1), fallback.path("rate").asDouble(1.0)));
		return new SamplingRules(rules, now());
	}

	/**
	 * The rules.
	 * @return the rules, the default last
	 */
	public List<Rule> rules() {
		return this.rules;
	}

	/**
	 * The rules by name.
	 * @return a map from rule name to rule
	 */
	public Map<String, Rule> byName() {
		return this.rules.stream().collect(Collectors.toMap(Rule::name, Function.identity()));
	}

	/**
	 * When the rules were loaded.
	 * @return epoch seconds
	 */
	public double modifiedAt() {
		return this.modifiedAt;
	}

	private static double now() {
		return System.currentTimeMillis() / 1000.0;
	}

	/**
	 * One sampling rule, in the terms of the X-Ray {@code SamplingRule} shape.
	 *
	 * @param name the rule name
	 * @param priority lower values are matched first
	 * @param reservoirSize how many requests per second are sampled before the rate
	 * applies
	 * @param fixedRate the share of further requests that is sampled
	 * @param serviceName the service name the rule matches, or {@code *}
	 * @param host the host the rule matches, or {@code *}
	 * @param httpMethod the HTTP method the rule matches, or {@code *}
	 * @param urlPath the URL path the rule matches, or {@code *}
	 */
	public record Rule(String name, int priority, int reservoirSize, double fixedRate, String serviceName, String host,
			String httpMethod, String urlPath) {

		/** The name X-Ray gives the rule that matches when no other does. */
		public static final String DEFAULT_NAME = "Default";

		static Rule fallback(int reservoirSize, double fixedRate) {
			return new Rule(DEFAULT_NAME, DEFAULT_PRIORITY, reservoirSize, fixedRate, "*", "*", "*", "*");
		}

		static Rule of(JsonNode rule, int priority) {
			String name = Objects.requireNonNullElse(Documents.text(rule, "description"), "rule-" + priority);
			String host = firstText(rule, "host", "service_name");
			String serviceName = (rule.has("host")) ? firstText(rule, "service_name") : "*";
			String ruleName = name.replaceAll("[^A-Za-z0-9_-]", "-");
			// X-Ray limits rule names to 32 characters.
			ruleName = ruleName.substring(0, Math.min(32, ruleName.length()));
			return new Rule(ruleName, priority, rule.path("fixed_target").asInt(0), rule.path("rate").asDouble(0.0),
					serviceName, host, firstText(rule, "http_method"), firstText(rule, "url_path"));
		}

		private static String firstText(JsonNode rule, String... fields) {
			for (String field : fields) {
				String value = Documents.text(rule, field);
				if (value != null) {
					return value;
				}
			}
			return "*";
		}

	}

}
