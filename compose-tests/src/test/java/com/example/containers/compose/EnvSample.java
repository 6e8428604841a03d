package com.example.containers.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code .env.sample} file: every variable it lists, whether the line is active or
 * commented out, and the comment above it.
 */
final class EnvSample {

	private static final Pattern ENTRY = Pattern.compile("^(#)?([A-Z][A-Z0-9_]*)=(.*)$");

	private final Map<String, Entry> entries;

	private EnvSample(Map<String, Entry> entries) {
		this.entries = entries;
	}

	static EnvSample read(Path file) {
		try {
			return parse(Files.readAllLines(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Map<String, Entry> entries() {
		return this.entries;
	}

	Entry entry(String name) {
		Entry entry = this.entries.get(name);
		if (entry == null) {
			throw new IllegalArgumentException(".env.sample does not list " + name);
		}
		return entry;
	}

	private static EnvSample parse(List<String> lines) {
		Map<String, Entry> entries = new LinkedHashMap<>();
		String previous = "";
		for (String line : lines) {
			Matcher matcher = ENTRY.matcher(line.strip());
			if (matcher.matches()) {
				String comment = (previous.startsWith("# ") && !ENTRY.matcher(previous).matches())
						? previous.substring(2).strip() : "";
				entries.put(matcher.group(2),
						new Entry(matcher.group(2), matcher.group(3), matcher.group(1) == null, comment));
			}
			previous = line.strip();
		}
		return new EnvSample(entries);
	}

	/**
	 * One variable of the sample.
	 *
	 * @param name the variable name
	 * @param value the value shown
	 * @param active whether the line sets it ({@code false} when commented out)
	 * @param comment the comment line directly above it, empty when there is none
	 */
	record Entry(String name, String value, boolean active, String comment) {
	}

}
