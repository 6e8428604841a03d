package com.example.containers.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .dockerignore} file, to tell which paths of the build context an image build
 * sees. Follows Docker's rules: patterns in order, the last match wins, {@code !}
 * re-includes, and a pattern that matches a folder applies to everything in it.
 */
final class DockerIgnore {

	private final List<Rule> rules;

	private DockerIgnore(List<Rule> rules) {
		this.rules = rules;
	}

	static DockerIgnore read(Path file) {
		try {
			List<Rule> rules = new ArrayList<>();
			for (String line : Files.readAllLines(file)) {
				String pattern = line.strip();
				if (!pattern.isEmpty() && !pattern.startsWith("#")) {
					rules.add(Rule.of(pattern));
				}
			}
			return new DockerIgnore(rules);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Says whether a path is sent to the builder.
	 * @param relativePath a path relative to the context root, with {@code /} separators
	 * @return {@code true} unless the file excludes it
	 */
	boolean includes(String relativePath) {
		boolean included = true;
		for (Rule rule : this.rules) {
			if (rule.matchesItselfOrAParent(Path.of(relativePath))) {
				included = rule.include();
			}
		}
		return included;
	}

	private record Rule(PathMatcher matcher, boolean include) {

		static Rule of(String line) {
			boolean include = line.startsWith("!");
			String pattern = (include ? line.substring(1) : line).strip();
			pattern = pattern.replaceAll("^/+", "").replaceAll("/+$", "");
			return new Rule(FileSystems.getDefault().getPathMatcher("glob:" + pattern), include);
		}

		boolean matchesItselfOrAParent(Path path) {
			for (int count = 1; count <= path.getNameCount(); count++) {
				if (this.matcher.matches(path.subpath(0, count))) {
					return true;
				}
			}
			return false;
		}

	}

}
