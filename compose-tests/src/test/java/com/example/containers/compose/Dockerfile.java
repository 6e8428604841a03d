package com.example.containers.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read into its instructions, each with the build stage it belongs to:
 * enough of the Dockerfile syntax for the files of this repository (line continuations,
 * comments, exec form).
 */
final class Dockerfile {

	private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final Path file;

	private final List<String> directives;

	private final List<Instruction> instructions;

	private Dockerfile(Path file, List<String> directives, List<Instruction> instructions) {
		this.file = file;
		this.directives = directives;
		this.instructions = instructions;
	}

	static Dockerfile read(Path file) {
		try {
			return parse(file, Files.readAllLines(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path file() {
		return this.file;
	}

	/**
	 * The parser directives at the top of the file, such as
	 * {@code syntax=docker/dockerfile:1.18}.
	 * @return the directives, without their leading {@code #}
	 */
	List<String> directives() {
		return this.directives;
	}

	List<Instruction> instructions() {
		return this.instructions;
	}

	/**
	 * The instructions of one keyword in the last stage, the one the image is made of.
	 * @param keyword the instruction keyword, such as {@code USER}
	 * @return the instructions, in order
	 */
	List<Instruction> finalStage(String keyword) {
		int last = this.instructions.get(this.instructions.size() - 1).stage();
		return this.instructions.stream()
			.filter((instruction) -> instruction.stage() == last && instruction.keyword().equals(keyword))
			.toList();
	}

	List<Instruction> all(String keyword) {
		return this.instructions.stream().filter((instruction) -> instruction.keyword().equals(keyword)).toList();
	}

	/**
	 * The names given to stages with {@code FROM ... AS name}.
	 * @return the stage names
	 */
	List<String> stageNames() {
		return all("FROM").stream()
			.map((from) -> from.words())
			.filter((words) -> words.size() == 3 && words.get(1).equalsIgnoreCase("AS"))
			.map((words) -> words.get(2))
			.toList();
	}

	/**
	 * The images the stages start from, stage references left out.
	 * @return the image references
	 */
	List<String> baseImages() {
		List<String> stages = stageNames();
		return all("FROM").stream()
			.map((from) -> from.words().stream().filter((word) -> !word.startsWith("--")).findFirst().orElseThrow())
			.filter((image) -> !stages.contains(image))
			.toList();
	}

	private static Dockerfile parse(Path file, List<String> lines) {
		List<String> directives = new ArrayList<>();
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder pending = new StringBuilder();
		boolean inDirectives = true;
		int stage = -1;
		for (String line : lines) {
			String trimmed = line.strip();
			if (inDirectives && trimmed.matches("#\\s*[a-z]+=.*")) {
				directives.add(trimmed.substring(1).strip());
				continue;
			}
			inDirectives = false;
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			pending.append(trimmed);
			Instruction instruction = Instruction.of(pending.toString(), stage);
			if (instruction.keyword().equals("FROM")) {
				instruction = new Instruction("FROM", instruction.arguments(), ++stage);
			}
			instructions.add(instruction);
			pending.setLength(0);
		}
		return new Dockerfile(file, directives, instructions);
	}

	/**
	 * One instruction, its arguments on one line.
	 *
	 * @param keyword the keyword, upper case
	 * @param arguments everything after the keyword
	 * @param stage the index of the build stage, from 0
	 */
	record Instruction(String keyword, String arguments, int stage) {

		static Instruction of(String line, int stage) {
			String[] parts = line.split("\\s+", 2);
			String arguments = (parts.length > 1) ? parts[1].strip() : "";
			return new Instruction(parts[0].toUpperCase(Locale.ROOT), arguments, stage);
		}

		/**
		 * The arguments split on white space, for the shell form.
		 * @return the words
		 */
		List<String> words() {
			return Arrays.asList(this.arguments.split("\\s+"));
		}

		/**
		 * The arguments of the exec form ({@code ["a", "b"]}), or of the exec form that
		 * follows options such as {@code --interval=10s CMD}.
		 * @return the strings of the JSON array, empty when there is none
		 */
		List<String> execForm() {
			int start = this.arguments.indexOf('[');
			if (start < 0) {
				return List.of();
			}
			List<String> values = new ArrayList<>();
			Matcher matcher = QUOTED.matcher(this.arguments.substring(start));
			while (matcher.find()) {
				values.add(matcher.group(1));
			}
			return values;
		}

		/**
		 * The value of an option such as {@code --from=build}.
		 * @param name the option name, without dashes
		 * @return its value, if given
		 */
		Optional<String> option(String name) {
			String prefix = "--" + name + "=";
			return words().stream()
				.filter((word) -> word.startsWith(prefix))
				.map((word) -> word.substring(prefix.length()))
				.findFirst();
		}

		/**
		 * The sources of a COPY or ADD: every word except options and the destination.
		 * @return the source paths
		 */
		List<String> sources() {
			List<String> paths = words().stream().filter((word) -> !word.startsWith("--")).toList();
			return paths.subList(0, paths.size() - 1);
		}

	}

}
