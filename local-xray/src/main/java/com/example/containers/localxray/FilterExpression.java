package com.example.containers.localxray;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of the X-Ray filter expression language the stand-in understands:
 * {@code service("name")}, {@code annotation.KEY} compared with a string, number or
 * boolean, {@code duration} and {@code responsetime}, {@code http.status},
 * {@code http.method} and {@code http.url}, the keywords {@code ok}, {@code error},
 * {@code fault}, {@code throttle} and {@code partial}, joined by {@code AND}, {@code OR},
 * {@code NOT} and parentheses.
 */
public final class FilterExpression {

	private static final Pattern TOKEN = Pattern.compile("\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|&&|\\|\\||!=|<=|>=|[(),=<>!]"
			+ "|-?\\d+(?:\\.\\d+)?|[A-Za-z_][A-Za-z0-9_.:-]*(?:\\[[^\\]]*\\])?)");

	private static final Set<String> COMPARISONS = Set.of("=", "!=", "<", "<=", ">", ">=");

	private final List<String> tokens;

	private final String expression;

	private int position;

	private FilterExpression(String expression) {
		this.expression = expression;
		this.tokens = tokenize(expression);
	}

	/**
	 * Parses an expression.
	 * @param expression the filter expression, may be {@code null} or blank to match
	 * every trace
	 * @return a test for traces
	 * @throws IllegalArgumentException naming what is not supported, when the expression
	 * is outside the supported part of the language
	 */
	public static Predicate<TraceView> parse(String expression) {
		if (expression == null || expression.isBlank()) {
			return (trace) -> true;
		}
		FilterExpression parser = new FilterExpression(expression);
		Predicate<TraceView> result = parser.or();
		if (parser.position < parser.tokens.size()) {
			throw parser.unsupported("unexpected '" + parser.tokens.get(parser.position) + "'");
		}
		return result;
	}

	private Predicate<TraceView> or() {
		Predicate<TraceView> left = and();
		while (accept("OR") || accept("||")) {
			left = left.or(and());
		}
		return left;
	}

	private Predicate<TraceView> and() {
		Predicate<TraceView> left = not();
		while (accept("AND") || accept("&&")) {
			left = left.and(not());
		}
		return left;
	}

	private Predicate<TraceView> not() {
		if (accept("NOT") || accept("!")) {
			return not().negate();
		}
		return primary();
	}

	private Predicate<TraceView> primary() {
		if (accept("(")) {
			Predicate<TraceView> inner = or();
			expect(")");
			return inner;
		}
		String word = next("a condition");
		String lower = word.toLowerCase(Locale.ROOT);
		if (lower.equals("service")) {
			return service();
		}
		if (lower.startsWith("annotation.") || lower.startsWith("annotation[")) {
			return annotation(annotationKey(word));
		}
		return switch (lower) {
			case "ok" -> (trace) -> "ok".equals(trace.status());
			case "error" -> TraceView::hasError;
			case "fault" -> TraceView::hasFault;
			case "throttle" -> TraceView::hasThrottle;
			case "partial" -> TraceView::isPartial;
			case "duration" -> numeric(word, TraceView::duration);
			case "responsetime" -> numeric(word, TraceView::responseTime);
			case "http.status", "http.method", "http.url" -> http(lower.substring(5));
			default -> throw unsupported("'" + word + "' is not a supported keyword");
		};
	}

	private Predicate<TraceView> service() {
		expect("(");
		String name = string(next("a service name"));
		expect(")");
		return (trace) -> trace.segments().stream().anyMatch((segment) -> name.equals(Documents.text(segment, "name")));
	}

	private Predicate<TraceView> annotation(String key) {
		String operator = comparison();
		String value = next("a value");
		Predicate<ObjectNode> annotated = (node) -> compare(node.path("annotations").get(key), operator, value);
		return (trace) -> trace.segments().stream().anyMatch((segment) -> anyNode(segment, annotated));
	}

	private Predicate<TraceView> numeric(String field, ToDoubleFunction<TraceView> getter) {
		String operator = comparison();
		String value = next("a number");
		double limit = number(value, field);
		return (trace) -> compareNumbers(getter.applyAsDouble(trace), operator, limit);
	}

	private Predicate<TraceView> http(String field) {
		String operator = comparison();
		String value = next("a value");
		String property = field.equals("status") ? "status" : field;
		String section = field.equals("status") ? "response" : "request";
		return (trace) -> trace.root()
			.map((root) -> compare(root.path("http").path(section).get(property), operator, value))
			.orElse(false);
	}

	private boolean compare(JsonNode actual, String operator, String expected) {
		if (actual == null) {
			return false;
		}
		if (actual.isNumber()) {
			return expected.matches("-?\\d+(\\.\\d+)?")
					&& compareNumbers(actual.doubleValue(), operator, Double.parseDouble(expected));
		}
		String text = actual.isString() ? actual.stringValue() : actual.toString();
		String wanted = expected.startsWith("\"") ? string(expected) : expected;
		return switch (operator) {
			case "=" -> text.equals(wanted);
			case "!=" -> !text.equals(wanted);
			default -> false;
		};
	}

	private static boolean compareNumbers(double actual, String operator, double expected) {
		return switch (operator) {
			case "=" -> actual == expected;
			case "!=" -> actual != expected;
			case "<" -> actual < expected;
			case "<=" -> actual <= expected;
			case ">" -> actual > expected;
			default -> actual >= expected;
		};
	}

	private static boolean anyNode(ObjectNode segment, Predicate<ObjectNode> test) {
		boolean[] found = new boolean[1];
		Documents.walk(segment, (node) -> found[0] |= test.test(node));
		return found[0];
	}

	private String comparison() {
		String operator = next("a comparison operator");
		if (!COMPARISONS.contains(operator)) {
			throw unsupported("'" + operator + "' is not a supported comparison operator (=, !=, <, <=, >, >=)");
		}
		return operator;
	}

	private String annotationKey(String word) {
		String key = word.substring("annotation".length() + 1);
		if (word.charAt("annotation".length()) == '[') {
			key = key.substring(0, key.length() - 1);
		}
		if (key.isEmpty()) {
			throw unsupported("an annotation needs a key, as in annotation.route = \"x\"");
		}
		return key;
	}

	private double number(String value, String field) {
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw unsupported("'" + field + "' needs a number, not " + value);
		}
	}

	private String string(String token) {
		if (token.length() < 2 || !token.startsWith("\"") || !token.endsWith("\"")) {
			throw unsupported("expected a quoted string, not " + token);
		}
		return token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
	}

	private boolean accept(String token) {
		if (this.position < this.tokens.size() && this.tokens.get(this.position).equalsIgnoreCase(token)) {
			this.position++;
			return true;
		}
		return false;
	}

	private void expect(String token) {
		if (!accept(token)) {
			throw unsupported("expected '" + token + "'");
		}
	}

	private String next(String what) {
		if (this.position >= this.tokens.size()) {
			throw unsupported("expected " + what + " at the end");
		}
		return this.tokens.get(this.position++);
	}

	private IllegalArgumentException unsupported(String problem) {
		return new IllegalArgumentException("Unsupported filter expression " + this.expression + ": " + problem
				+ " (supported: service(\"name\"), annotation.KEY = value, duration, responsetime, http.status, "
				+ "http.method, http.url, ok, error, fault, throttle, partial, AND, OR, NOT, parentheses)");
	}

	private static List<String> tokenize(String expression) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(expression);
		int end = 0;
		while (end < expression.length() && matcher.find(end) && matcher.start() == end) {
			tokens.add(matcher.group(1));
			end = matcher.end();
		}
		if (!expression.substring(end).isBlank()) {
			throw new IllegalArgumentException("Unsupported filter expression " + expression
					+ ": cannot read it from position " + end + ": " + expression.substring(end).strip());
		}
		return tokens;
	}

}
