package com.example.containers.main;

import org.junit.jupiter.api.Test;

import com.example.containers.main.sqs.SqsFifoRules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link SqsFifoRules} accepts: the limits Amazon SQS documents, which ElasticMQ
 * does not enforce the same way.
 */
class SqsFifoRulesTests {

	@Test
	void idOfLettersDigitsAndPunctuationUpTo128CharactersIsAccepted() {
		assertThat(SqsFifoRules.idProblem("a".repeat(127) + "!")).isNull();
		assertThat(SqsFifoRules.idProblem("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")).isNull();
	}

	@Test
	void idThatIsEmptyTooLongOrHoldsOtherCharactersIsRefused() {
		assertThat(SqsFifoRules.idProblem("")).isEqualTo("must not be empty");
		assertThat(SqsFifoRules.idProblem("a".repeat(129))).contains("at most 128");
		assertThat(SqsFifoRules.idProblem("a b")).contains("U+0020 at index 1");
		assertThat(SqsFifoRules.idProblem("caf\u00e9")).contains("U+00E9");
		assertThat(SqsFifoRules.idProblem("tab\there")).contains("U+0009");
	}

	@Test
	void bodyOfAllowedCharactersIsAccepted() {
		assertThat(SqsFifoRules.bodyProblem("tab\t, newline\n, return\r, caf\u00e9, \uD83D\uDE00, \uE000", 1024))
			.isNull();
	}

	@Test
	void bodyWithCharactersSqsRefusesIsRefused() {
		assertThat(SqsFifoRules.bodyProblem("a\u0000", 1024)).contains("U+0000 at index 1");
		assertThat(SqsFifoRules.bodyProblem("a\u001F", 1024)).contains("U+001F");
		assertThat(SqsFifoRules.bodyProblem("\uFFFE", 1024)).contains("U+FFFE");
		assertThat(SqsFifoRules.bodyProblem("\uFFFF", 1024)).contains("U+FFFF");
		assertThat(SqsFifoRules.bodyProblem("x\uDC00", 1024)).contains("U+DC00");
		assertThat(SqsFifoRules.bodyProblem("", 1024)).isEqualTo("must not be empty");
	}

	@Test
	void bodySizeIsCountedInUtf8Bytes() {
		assertThat(SqsFifoRules.bodyProblem("\u00e9".repeat(512), 1024)).isNull();
		assertThat(SqsFifoRules.bodyProblem("\u00e9".repeat(513), 1024))
			.isEqualTo("must be at most 1024 bytes in UTF-8, was 1026");
		assertThat(SqsFifoRules.bodyProblem("\uD83D\uDE00".repeat(257), 1024)).contains("was 1028");
	}

}
