package com.example.containers.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryAttributes;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.constructs.Construct;

/**
 * Decides where each container image comes from: an image URI given as context (what a CI
 * pipeline pushed), or a Docker build of the module's Dockerfile with the repository root
 * as build context, done by {@code cdk deploy}.
 */
final class ContainerImages {

	/**
	 * Left out of the build context: build output, version control, editor folders, local
	 * secrets and CDK output (which lies inside the repository, and would otherwise be
	 * copied into itself). A {@code .dockerignore} at the repository root is honoured as
	 * well.
	 */
	static final List<String> BUILD_CONTEXT_EXCLUDES = List.of(".git", "**/target", "**/node_modules", "**/cdk.out",
			".idea", ".vscode", ".run", "**/*.iml", "**/.env");

	private final Construct scope;

	private final DeploySettings settings;

	ContainerImages(Construct scope, DeploySettings settings) {
		this.scope = scope;
		this.settings = settings;
	}

	/**
	 * The image of a service: from its context URI when given, built from its Dockerfile
	 * otherwise.
	 */
	ContainerImage service(ContainerService service) {
		return this.settings.imageUri(service)
			.map((uri) -> fromUri(service.constructId() + "ImageRepository", uri))
			.orElseGet(() -> fromDockerfile(service));
	}

	/** The image of the X-Ray daemon sidecar. */
	ContainerImage xrayDaemon() {
		return fromUri("XRayDaemonImageRepository", this.settings.xrayDaemonImage());
	}

	private ContainerImage fromUri(String repositoryId, String uri) {
		return EcrImageUri.parse(uri)
			.<ContainerImage>map(
					(ecr) -> ContainerImage.fromEcrRepository(ecrRepository(repositoryId, ecr), ecr.tagOrDigest()))
			.orElseGet(() -> ContainerImage.fromRegistry(uri));
	}

	// An ECR image goes through an imported repository so that the execution role may
	// pull from it, and from it only.
	private IRepository ecrRepository(String id, EcrImageUri ecr) {
		return Repository.fromRepositoryAttributes(this.scope, id,
				RepositoryAttributes.builder()
					.repositoryArn(ecr.repositoryArn())
					.repositoryName(ecr.repositoryName())
					.build());
	}

	// The root .dockerignore may leave the Dockerfiles out: docker build reads them
	// anyway, but the CDK builds from a staged copy of the context, which must hold the
	// Dockerfile.
	private static List<String> excludes(ContainerService service) {
		List<String> excludes = new ArrayList<>(BUILD_CONTEXT_EXCLUDES);
		excludes.add("!" + service.dockerfile());
		return excludes;
	}

	private ContainerImage fromDockerfile(ContainerService service) {
		Path root = this.settings.repositoryRoot()
			.orElseThrow(() -> new IllegalStateException("No repository root found above the working directory to "
					+ "build " + service.dockerfile() + "; set the context value '" + DeploySettings.REPOSITORY_ROOT_KEY
					+ "' or '" + service.imageContextKey() + "'"));
		return ContainerImage.fromAsset(root.toString(),
				AssetImageProps.builder()
					.file(service.dockerfile())
					.exclude(excludes(service))
					.platform(Platform.LINUX_AMD64)
					.build());
	}

}
