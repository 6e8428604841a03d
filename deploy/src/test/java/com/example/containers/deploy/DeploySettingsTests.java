package com.example.containers.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link DeploySettings}. */
class DeploySettingsTests {

	@Test
	void fromContextWhenNothingIsSetShouldBuildEveryImageAndUseTheDefaults() {
		DeploySettings settings = DeploySettings.fromContext(new App().getNode());
		assertThat(settings.imageUris()).isEmpty();
		assertThat(settings.xrayDaemonImage()).isEqualTo(DeploySettings.DEFAULT_XRAY_DAEMON_IMAGE);
		assertThat(settings.namespace()).isEqualTo("aws-containers.internal");
		assertThat(settings.repositoryRoot())
			.hasValueSatisfying((root) -> assertThat(root.resolve("container-main")).isDirectory());
	}

	@Test
	void fromContextShouldTakeTheImageUriOfEachServiceThatHasOne() {
		App app = new App(AppProps.builder()
			.context(Map.of("mainImage", "registry.example.com/main:2", "consumeImage", " "))
			.build());
		DeploySettings settings = DeploySettings.fromContext(app.getNode());
		assertThat(settings.imageUri(ContainerService.MAIN)).contains("registry.example.com/main:2");
		assertThat(settings.imageUri(ContainerService.PROCESS)).isEmpty();
		assertThat(settings.imageUri(ContainerService.CONSUME)).isEmpty();
	}

	@Test
	void findRepositoryRootShouldFindTheNearestFolderWithTheWrapperAndTheModules(@TempDir Path dir) throws Exception {
		Files.createDirectories(dir.resolve("container-main"));
		Files.createFile(dir.resolve("mvnw"));
		Path deploy = Files.createDirectories(dir.resolve("deploy/src"));
		assertThat(DeploySettings.findRepositoryRoot(deploy)).contains(dir);
		assertThat(DeploySettings.findRepositoryRoot(dir.getParent())).isEmpty();
	}

}
