package com.example.containers.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import software.constructs.Node;

/**
 * What a user may choose at synthesis through CDK context ({@code -c key=value} or
 * {@code cdk.json}).
 *
 * @param imageUris an image URI per service that should not be built from its Dockerfile
 * @param xrayDaemonImage the image of the X-Ray daemon sidecar
 * @param namespace the Cloud Map private DNS namespace, so main reaches process at
 * {@code process.<namespace>}
 * @param repositoryRoot the repository root, the build context of the Dockerfiles, when
 * it could be found
 */
public record DeploySettings(Map<ContainerService, String> imageUris, String xrayDaemonImage, String namespace,
		Optional<Path> repositoryRoot) {

	/**
	 * The official X-Ray daemon image, pinned to the release container-xray/Dockerfile
	 * builds on.
	 */
	public static final String DEFAULT_XRAY_DAEMON_IMAGE = "public.ecr.aws/xray/aws-xray-daemon:3.6.6";

	/** The default Cloud Map namespace. */
	public static final String DEFAULT_NAMESPACE = "aws-containers.internal";

	/** Context key of the X-Ray daemon image URI. */
	public static final String XRAY_DAEMON_IMAGE_KEY = "xrayDaemonImage";

	/** Context key of the Cloud Map namespace. */
	public static final String NAMESPACE_KEY = "namespace";

	/**
	 * Context key of the repository root; by default the nearest folder above the working
	 * directory with mvnw.
	 */
	public static final String REPOSITORY_ROOT_KEY = "repositoryRoot";

	/**
	 * Reads the settings from the context of a construct tree, with the defaults for what
	 * is not set.
	 * @param node the node whose context is read, usually the app's
	 * @return the settings
	 */
	public static DeploySettings fromContext(Node node) {
		Map<ContainerService, String> imageUris = new EnumMap<>(ContainerService.class);
		for (ContainerService service : ContainerService.values()) {
			contextValue(node, service.imageContextKey()).ifPresent((uri) -> imageUris.put(service, uri));
		}
		String xrayDaemonImage = contextValue(node, XRAY_DAEMON_IMAGE_KEY).orElse(DEFAULT_XRAY_DAEMON_IMAGE);
		String namespace = contextValue(node, NAMESPACE_KEY).orElse(DEFAULT_NAMESPACE);
		Optional<Path> root = contextValue(node, REPOSITORY_ROOT_KEY).map(Path::of)
			.or(() -> findRepositoryRoot(Path.of("").toAbsolutePath()));
		return new DeploySettings(Map.copyOf(imageUris), xrayDaemonImage, namespace, root);
	}

	/**
	 * The image URI given for a service, empty when its image is to be built from its
	 * Dockerfile.
	 */
	public Optional<String> imageUri(ContainerService service) {
		return Optional.ofNullable(this.imageUris.get(service));
	}

	static Optional<Path> findRepositoryRoot(Path start) {
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("container-main"))) {
				return Optional.of(dir);
			}
		}
		return Optional.empty();
	}

	private static Optional<String> contextValue(Node node, String key) {
		Object value = node.tryGetContext(key);
		return Optional.ofNullable(value).map(Object::toString).map(String::strip).filter((text) -> !text.isEmpty());
	}

}
