package com.example.containers.localxray;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FilterExpressionTests {

	private TraceView pathTwo;

	private TraceView sendMessage;

	@BeforeEach
	void storeTwoTraces() {
		TraceStore store = new TraceStore(10);
		double now = TestTraces.now();
		ObjectNode[] pathTwo = TestTraces.pathTwo(now);
		ObjectNode[] sendMessage = TestTraces.sendMessage(now + 1);
		sendMessage[1].put("fault", true).putObject("annotations").put("attempt", 2).put("poison", false);
		List.of(pathTwo[0], pathTwo[1], sendMessage[0], sendMessage[1]).forEach(store::add);
		this.pathTwo = store.trace(pathTwo[0].get("trace_id").stringValue()).orElseThrow();
		this.sendMessage = store.trace(sendMessage[0].get("trace_id").stringValue()).orElseThrow();
	}

	@Test
	void blankExpressionShouldMatchEveryTrace() {
		assertThat(matches(" ")).containsExactly(this.pathTwo, this.sendMessage);
		assertThat(matches(null)).containsExactly(this.pathTwo, this.sendMessage);
	}

	@Test
	void serviceShouldMatchTracesWithASegmentOfThatName() {
		assertThat(matches("service(\"process\")")).containsExactly(this.pathTwo);
		assertThat(matches("service(\"consume\")")).containsExactly(this.sendMessage);
		assertThat(matches("service(\"main\")")).containsExactly(this.pathTwo, this.sendMessage);
		assertThat(matches("service(\"nobody\")")).isEmpty();
	}

	@Test
	void annotationShouldCompareStringsNumbersAndBooleans() {
		assertThat(matches("annotation.route = \"path-two\"")).containsExactly(this.pathTwo);
		assertThat(matches("annotation[route] != \"path-two\"")).containsExactly(this.sendMessage);
		assertThat(matches("annotation.attempt >= 2")).containsExactly(this.sendMessage);
		assertThat(matches("annotation.attempt < 2")).isEmpty();
		assertThat(matches("annotation.poison = false")).containsExactly(this.sendMessage);
	}

	@Test
	void andShouldRequireBothConditions() {
		assertThat(matches("service(\"main\") AND annotation.route = \"send-message\""))
			.containsExactly(this.sendMessage);
		assertThat(matches("service(\"process\") and annotation.route = \"send-message\"")).isEmpty();
		assertThat(matches("service(\"main\") && annotation.route = \"path-two\"")).containsExactly(this.pathTwo);
	}

	@Test
	void orNotAndParenthesesShouldCombine() {
		assertThat(matches("service(\"process\") OR service(\"consume\")")).containsExactly(this.pathTwo,
				this.sendMessage);
		assertThat(matches("NOT (service(\"process\") OR fault)")).isEmpty();
		assertThat(matches("!fault")).containsExactly(this.pathTwo);
	}

	@Test
	void keywordsShouldTestStatusAndTimes() {
		assertThat(matches("fault")).containsExactly(this.sendMessage);
		assertThat(matches("ok")).containsExactly(this.pathTwo);
		assertThat(matches("duration > 0.1")).containsExactly(this.sendMessage);
		assertThat(matches("responsetime < 0.04")).containsExactly(this.sendMessage);
		assertThat(matches("http.status = 202")).containsExactly(this.sendMessage);
		assertThat(matches("http.method = \"GET\"")).containsExactly(this.pathTwo);
	}

	@Test
	void unsupportedExpressionShouldNameTheProblem() {
		assertThatIllegalArgumentException().isThrownBy(() -> FilterExpression.parse("http.url CONTAINS \"x\""))
			.withMessageContaining("'CONTAINS' is not a supported comparison operator");
		assertThatIllegalArgumentException().isThrownBy(() -> FilterExpression.parse("edge(\"main\", \"process\")"))
			.withMessageContaining("'edge' is not a supported keyword");
		assertThatIllegalArgumentException().isThrownBy(() -> FilterExpression.parse("service(\"main\") AND"))
			.withMessageContaining("expected a condition at the end");
		assertThatIllegalArgumentException().isThrownBy(() -> FilterExpression.parse("annotation.route ~ 1"))
			.withMessageContaining("cannot read it from position 16: ~ 1");
	}

	private List<TraceView> matches(String expression) {
		Predicate<TraceView> filter = FilterExpression.parse(expression);
		return List.of(this.pathTwo, this.sendMessage).stream().filter(filter).toList();
	}

}
