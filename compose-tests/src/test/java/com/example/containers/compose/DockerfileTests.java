package com.example.containers.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.example.containers.compose.Dockerfile.Instruction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks each Dockerfile against the build it packages: what it copies exists after
 * {@code ./mvnw package}, it runs the module's own jar as a non-root user, exposes the
 * port the service is configured with, and needs nothing from outside image registries
 * and Maven Central.
 */
class DockerfileTests {

	private static final Repository repository = Repository.locate();

	private static final Map<String, Path> extracted = new HashMap<>();

	@TempDir
	static Path extractionRoot;

	static Stream<String> dockerfileFolders() {
		try (Stream<Path> folders = Files.list(repository.root())) {
			return folders.filter((folder) -> Files.isRegularFile(folder.resolve("Dockerfile")))
				.map((folder) -> folder.getFileName().toString())
				.sorted()
				.toList()
				.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Stream<String> springModules() {
		return dockerfileFolders().filter((folder) -> repository.modules().contains(folder));
	}

	@Test
	void everyServiceAndLocalAwsHasADockerfile() {
		assertThat(dockerfileFolders()).contains("container-main", "container-process", "container-consume",
				"container-xray", "local-aws");
	}

	@ParameterizedTest
	@MethodSource("springModules")
	void buildsTheModuleWithTheWrapperAndRunsTheModulesOwnJar(String module) {
		Dockerfile dockerfile = dockerfile(module);
		String build = runCommands(dockerfile);
		assertThat(build).contains("./mvnw ", " -pl " + module + " ", " -am ", " package", "-DskipTests");
		String jar = module + "/target/" + repository.jarName(module);
		assertThat(jarOfExtraction(dockerfile)).isEqualTo(jar);
		assertThat(repository.resolve(jar)).as("run ./mvnw package first").isRegularFile();
	}

	@ParameterizedTest
	@MethodSource("springModules")
	void copiesOnlyPathsThatExistAfterPackage(String module) {
		Dockerfile dockerfile = dockerfile(module);
		DockerIgnore ignore = DockerIgnore.read(repository.resolve(".dockerignore"));
		String destination = destinationOfExtraction(dockerfile);
		List<String> stages = dockerfile.stageNames();
		for (Instruction copy : dockerfile.all("COPY")) {
			String from = copy.option("from").orElse(null);
			for (String source : copy.sources()) {
				if (from == null) {
					assertThat(repository.resolve(source)).exists();
					assertThat(ignore.includes(source) || source.equals(".")).as("%s is in the context", source)
						.isTrue();
				}
				else if (stages.contains(from)) {
					assertThat(source).as("copied from stage %s", from).startsWith(destination + "/");
					assertThat(extract(module).resolve(source.substring(destination.length() + 1))).isDirectory();
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("springModules")
	void copiesEveryLayerOfTheJar(String module) throws IOException {
		Dockerfile dockerfile = dockerfile(module);
		String destination = destinationOfExtraction(dockerfile);
		List<String> copied = dockerfile.finalStage("COPY")
			.stream()
			.flatMap((copy) -> copy.sources().stream())
			.map((source) -> source.substring(destination.length() + 1).replaceAll("/$", ""))
			.toList();
		try (Stream<Path> layers = Files.list(extract(module))) {
			List<String> present = layers.map((layer) -> layer.getFileName().toString()).toList();
			assertThat(copied).containsExactlyElementsOf(layersInOrder(module, present));
		}
	}

	@ParameterizedTest
	@MethodSource("dockerfileFolders")
	void runsAsANonRootUser(String folder) {
		List<Instruction> users = dockerfile(folder).finalStage("USER");
		assertThat(users).as("USER in the final stage of %s", folder).isNotEmpty();
		String user = users.get(users.size() - 1).arguments().split(":")[0];
		assertThat(user).isNotIn("root", "0");
	}

	@ParameterizedTest
	@MethodSource("springModules")
	void exposesAndProbesTheConfiguredPort(String module) {
		Dockerfile dockerfile = dockerfile(module);
		int port = repository.serverPort(module).orElseThrow();
		List<String> exposed = dockerfile.finalStage("EXPOSE")
			.stream()
			.flatMap((expose) -> expose.words().stream())
			.toList();
		assertThat(exposed).containsAnyOf(String.valueOf(port), port + "/tcp");
		assertThat(healthCheck(dockerfile)).anyMatch((word) -> word.startsWith("http://127.0.0.1:" + port + "/"));
	}

	@Test
	void xrayDaemonListensOnUdpAndTcpOfAllInterfacesInLocalMode() {
		Dockerfile dockerfile = dockerfile("container-xray");
		List<String> entrypoint = dockerfile.finalStage("ENTRYPOINT").get(0).execForm();
		assertThat(entrypoint).containsSequence("--bind", "0.0.0.0:2000")
			.containsSequence("--bind-tcp", "0.0.0.0:2000");
		assertThat(dockerfile.finalStage("CMD").get(0).execForm()).contains("--local-mode");
		assertThat(dockerfile.finalStage("EXPOSE").get(0).words()).contains("2000/udp", "2000/tcp");
		assertThat(dockerfile.baseImages())
			.anyMatch((image) -> image.startsWith("public.ecr.aws/xray/aws-xray-daemon:"));
		assertThat(healthCheck(dockerfile)).isNotEmpty();
	}

	@ParameterizedTest
	@MethodSource("springModules")
	void buildsOnJdk17AndRunsOnAnLtsJreSizedFromTheContainer(String module) {
		Dockerfile dockerfile = dockerfile(module);
		List<String> images = dockerfile.baseImages();
		assertThat(images.get(0)).matches("eclipse-temurin:17[.0-9_]*-jdk-.+");
		assertThat(images.get(images.size() - 1)).matches("eclipse-temurin:(21|25)[.0-9_]*-jre-.+");
		assertThat(dockerfile.finalStage("ENTRYPOINT").get(0).execForm())
			.anyMatch((word) -> word.startsWith("-XX:MaxRAMPercentage="))
			.contains("org.springframework.boot.loader.launch.JarLauncher");
		assertThat(healthCheck(dockerfile)).isNotEmpty();
	}

	@ParameterizedTest
	@MethodSource("dockerfileFolders")
	void pinsEveryImageAndTheDockerfileSyntax(String folder) {
		Dockerfile dockerfile = dockerfile(folder);
		assertThat(dockerfile.baseImages()).isNotEmpty()
			.allSatisfy((image) -> assertThat(image).matches("[^:]+:\\d+\\.\\d+[^:]*"));
		assertThat(dockerfile.directives())
			.anySatisfy((directive) -> assertThat(directive).matches("syntax=docker/dockerfile:\\d+\\.\\d+.*"));
	}

	@ParameterizedTest
	@MethodSource("dockerfileFolders")
	void fetchesNothingButImagesAndMavenCentral(String folder) throws IOException {
		Dockerfile dockerfile = dockerfile(folder);
		assertThat(dockerfile.all("ADD")).isEmpty();
		assertThat(runCommands(dockerfile))
			.doesNotContainPattern("\\b(curl|wget|apt-get|apt|apk|yum|dnf|git|pip|npm)\\b");
		Properties wrapper = new Properties();
		try (var in = Files.newInputStream(repository.resolve(".mvn/wrapper/maven-wrapper.properties"))) {
			wrapper.load(in);
		}
		assertThat(wrapper.getProperty("distributionUrl")).startsWith("https://repo.maven.apache.org/maven2/");
	}

	@Test
	void buildContextHoldsWhatMavenReadsAndNoBuildOutputOrSecret() {
		DockerIgnore ignore = DockerIgnore.read(repository.resolve(".dockerignore"));
		assertThat(ignore.includes("pom.xml")).isTrue();
		assertThat(ignore.includes("mvnw")).isTrue();
		assertThat(ignore.includes(".mvn/wrapper/maven-wrapper.properties")).isTrue();
		for (String module : repository.modules()) {
			assertThat(ignore.includes(module + "/pom.xml")).as("%s/pom.xml is in the context", module).isTrue();
			assertThat(ignore.includes(module + "/target/" + module + ".jar")).isFalse();
		}
		assertThat(ignore.includes("container-common/src/main/java/Some.java")).isTrue();
		assertThat(ignore.includes("container-main/src/main/resources/application.yml")).isTrue();
		assertThat(ignore.includes(".git/HEAD")).isFalse();
		assertThat(ignore.includes(".env")).isFalse();
		assertThat(ignore.includes("container-main/src/test/java/SomeTests.java")).isFalse();
	}

	private static Dockerfile dockerfile(String folder) {
		return Dockerfile.read(repository.resolve(folder).resolve("Dockerfile"));
	}

	private static String runCommands(Dockerfile dockerfile) {
		return String.join("\n", dockerfile.all("RUN").stream().map(Instruction::arguments).toList()) + " ";
	}

	private static List<String> healthCheck(Dockerfile dockerfile) {
		return dockerfile.finalStage("HEALTHCHECK").stream().flatMap((check) -> check.execForm().stream()).toList();
	}

	private static Instruction extraction(Dockerfile dockerfile) {
		return dockerfile.all("RUN")
			.stream()
			.filter((run) -> run.arguments().contains("-Djarmode=tools"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(dockerfile.file() + " extracts no layers"));
	}

	private static String jarOfExtraction(Dockerfile dockerfile) {
		return wordAfter(extraction(dockerfile), "-jar");
	}

	private static String destinationOfExtraction(Dockerfile dockerfile) {
		assertThat(extraction(dockerfile).words()).contains("extract", "--layers", "--launcher");
		return wordAfter(extraction(dockerfile), "--destination");
	}

	private static String wordAfter(Instruction instruction, String option) {
		List<String> words = instruction.words();
		int index = words.indexOf(option);
		assertThat(index).as("%s in %s", option, instruction.arguments()).isNotNegative();
		return words.get(index + 1);
	}

	private static List<String> layersInOrder(String module, List<String> present) {
		List<String> order = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
		assertThat(present).as("layers of %s", module).containsExactlyInAnyOrderElementsOf(order);
		return order;
	}

	/**
	 * Extracts the module's jar the way its Dockerfile does, with this JVM's
	 * {@code java}.
	 */
	private static synchronized Path extract(String module) {
		return extracted.computeIfAbsent(module, (key) -> {
			Path jar = repository.resolve(key + "/target/" + repository.jarName(key));
			assertThat(jar).as("run ./mvnw package first").isRegularFile();
			Path destination = extractionRoot.resolve(key);
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers", "--launcher",
					"--destination", destination.toString()));
			return destination;
		});
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(process.exitValue()).as("%s:%n%s", command, output).isZero();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
