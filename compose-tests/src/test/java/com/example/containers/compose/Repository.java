package com.example.containers.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository as these tests read it: its root, its Maven modules, and what their poms
 * and {@code application.yml} files say.
 */
final class Repository {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

	private static final Pattern PLACEHOLDER_NAME = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

	private final Path root;

	private Repository(Path root) {
		this.root = root;
	}

	/**
	 * Finds the repository root: the nearest folder, from the working directory up, that
	 * holds both the parent pom and the Compose file.
	 * @return the repository
	 */
	static Repository locate() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
				return new Repository(dir);
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException(
				"No repository root (pom.xml beside docker-compose.yml) above " + Path.of("").toAbsolutePath());
	}

	Path root() {
		return this.root;
	}

	Path resolve(String relativePath) {
		return this.root.resolve(relativePath);
	}

	/**
	 * The modules the parent pom lists, in order.
	 * @return the module folder names
	 */
	List<String> modules() {
		NodeList modules = pom(this.root.resolve("pom.xml")).getElementsByTagName("module");
		List<String> names = new ArrayList<>();
		for (int i = 0; i < modules.getLength(); i++) {
			names.add(modules.item(i).getTextContent().trim());
		}
		return names;
	}

	/**
	 * The artifactId a module's pom declares.
	 * @param module the module folder
	 * @return its artifactId
	 */
	String artifactId(String module) {
		return childText(pom(modulePom(module)), "artifactId").orElseThrow();
	}

	/**
	 * The name of the jar a module's build writes to its {@code target} folder: the pom's
	 * {@code finalName} with {@code ${project.artifactId}} resolved, or Maven's default.
	 * @param module the module folder
	 * @return the jar's file name
	 */
	String jarName(String module) {
		Element project = pom(modulePom(module));
		String artifactId = artifactId(module);
		Optional<String> finalName = firstChild(project, "build").flatMap((build) -> childText(build, "finalName"));
		String version = childText(project, "version").orElseGet(
				() -> firstChild(project, "parent").flatMap((parent) -> childText(parent, "version")).orElseThrow());
		return finalName.orElse("${project.artifactId}-${project.version}")
			.replace("${project.artifactId}", artifactId)
			.replace("${project.version}", version) + ".jar";
	}

	/**
	 * The environment variables a module's {@code application.yml} reads through
	 * placeholders, nested ones included.
	 * @param module the module folder
	 * @return variable names in the order they first appear; empty without an
	 * {@code application.yml}
	 */
	Set<String> placeholders(String module) {
		Set<String> names = new LinkedHashSet<>();
		applicationYaml(module).ifPresent((yaml) -> {
			Matcher matcher = PLACEHOLDER_NAME.matcher(read(yaml));
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		});
		return names;
	}

	/**
	 * The defaults the placeholders of a module's {@code application.yml} give their
	 * variables.
	 * @param module the module folder
	 * @return variable names and defaults, for the placeholders that have a plain (not
	 * nested) default
	 */
	Map<String, String> placeholderDefaults(String module) {
		Map<String, String> defaults = new LinkedHashMap<>();
		applicationYaml(module).ifPresent((yaml) -> {
			Matcher matcher = PLACEHOLDER.matcher(read(yaml));
			while (matcher.find()) {
				if (matcher.group(2) != null && !matcher.group(2).contains("${")) {
					defaults.putIfAbsent(matcher.group(1), matcher.group(2));
				}
			}
		});
		return defaults;
	}

	/**
	 * The port a module's web server listens on, from {@code server.port} in its
	 * {@code application.yml}; a placeholder counts with its default.
	 * @param module the module folder
	 * @return the port, if the module configures one
	 */
	Optional<Integer> serverPort(String module) {
		return applicationYaml(module).map(this::loadYaml)
			.map((yaml) -> yaml.get("server"))
			.filter(Map.class::isInstance)
			.map((server) -> ((Map<?, ?>) server).get("port"))
			.map(String::valueOf)
			.map(Repository::withDefaultResolved)
			.map(Integer::valueOf);
	}

	Optional<Path> applicationYaml(String module) {
		Path yaml = this.root.resolve(module).resolve("src/main/resources/application.yml");
		return Files.isRegularFile(yaml) ? Optional.of(yaml) : Optional.empty();
	}

	Set<String> composeFiles() {
		try (var files = Files.list(this.root)) {
			Set<String> names = new LinkedHashSet<>();
			files.map((path) -> path.getFileName().toString())
				.filter((name) -> name.matches("docker-compose.*\\.ya?ml"))
				.sorted()
				.forEach(names::add);
			return names;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String withDefaultResolved(String value) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		return (matcher.matches() && matcher.group(2) != null) ? matcher.group(2) : value;
	}

	private Map<String, Object> loadYaml(Path file) {
		return new Yaml().load(read(file));
	}

	private Path modulePom(String module) {
		return this.root.resolve(module).resolve("pom.xml");
	}

	private static Element pom(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(in).getDocumentElement();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

	private static Optional<Element> firstChild(Element parent, String name) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				return Optional.of(element);
			}
		}
		return Optional.empty();
	}

	private static Optional<String> childText(Element parent, String name) {
		return firstChild(parent, name).map((element) -> element.getTextContent().trim());
	}

}
