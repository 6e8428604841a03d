package com.example.containers.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Synthesizes the stack without image URIs, so that every service image is a build of its
 * module's Dockerfile, and with the other context values set. Synthesis only stages the
 * build context; it needs no Docker.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ContainersStackAssetTests {

	private static final String XRAY_IMAGE = "registry.example.com/team/xray-daemon:3.6.6";

	private final Path outdir = Path.of("target", "cdk-test", "assets").toAbsolutePath();

	private ContainersStack stack;

	private JsonNode dockerImages;

	@BeforeAll
	void synthesize() throws IOException {
		deleteRecursively(this.outdir);
		this.stack = StackTemplates.synthesize(
				Map.of(DeploySettings.XRAY_DAEMON_IMAGE_KEY, XRAY_IMAGE, DeploySettings.NAMESPACE_KEY, "team.internal"),
				this.outdir);
		CloudAssembly assembly = Stage.of(this.stack).synth();
		this.dockerImages = new ObjectMapper()
			.readTree(Path.of(assembly.getDirectory(), ContainersStack.STACK_NAME + ".assets.json").toFile())
			.path("dockerImages");
	}

	@Test
	void everyServiceImageIsBuiltFromItsModulesDockerfileForLinuxAmd64() {
		List<String> dockerfiles = Stream.of(ContainerService.values()).map(ContainerService::dockerfile).toList();
		assertThat(this.dockerImages.size()).isEqualTo(3);
		assertThat(this.dockerImages.valueStream().map((image) -> image.path("source").path("dockerFile").asText()))
			.containsExactlyInAnyOrderElementsOf(dockerfiles);
		assertThat(this.dockerImages.valueStream().map((image) -> image.path("source").path("platform").asText()))
			.containsOnly("linux/amd64");
	}

	@Test
	void buildContextIsTheRepositoryRootWithoutBuildOutputOrVersionControl() throws IOException {
		for (JsonNode image : this.dockerImages) {
			Path context = this.outdir.resolve(image.path("source").path("directory").asText());
			assertThat(context.resolve("pom.xml")).isRegularFile();
			assertThat(context.resolve("mvnw")).isRegularFile();
			assertThat(context.resolve(image.path("source").path("dockerFile").asText())).isRegularFile();
			try (Stream<Path> files = Files.walk(context)) {
				assertThat(files.map(context::relativize).map(Path::toString))
					.noneMatch((path) -> path.equals(".git") || path.startsWith(".git/"))
					.noneMatch((path) -> path.contains("target/") || path.endsWith("target"))
					.noneMatch((path) -> path.contains("cdk.out") || path.contains("node_modules"));
			}
		}
	}

	@Test
	void xrayDaemonImageAndNamespaceComeFromContext() {
		Template template = Template.fromStack(this.stack);
		template.resourceCountIs("AWS::ECS::TaskDefinition", 3);
		template.allResourcesProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of("ContainerDefinitions",
				Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "xray-daemon", "Image", XRAY_IMAGE)))))));
		template.hasResourceProperties("AWS::ServiceDiscovery::PrivateDnsNamespace", Map.of("Name", "team.internal"));
		Map<String, String> processBaseUrl = Map.of("Name", "PROCESS_BASE_URL", "Value",
				"http://process.team.internal:8082");
		template.hasResourceProperties("AWS::ECS::TaskDefinition",
				Match.objectLike(Map.of("ContainerDefinitions", Match.arrayWith(List.of(Match
					.objectLike(Map.of("Name", "main", "Environment", Match.arrayWith(List.of(processBaseUrl)))))))));
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> paths = Files.walk(dir)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

}
