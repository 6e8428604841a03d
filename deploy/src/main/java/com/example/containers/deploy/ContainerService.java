package com.example.containers.deploy;

/**
 * The three services of the system with the facts a deployment needs about each: its
 * name, the module that builds its image, and its HTTP port.
 */
public enum ContainerService {

	/** The public API, the only service behind the load balancer. */
	MAIN("main", "container-main", 8080),

	/** The private HTTP service that only main calls, found through Cloud Map. */
	PROCESS("process", "container-process", 8082),

	/**
	 * The queue consumer; its port serves only health and metrics and is reachable from
	 * nowhere.
	 */
	CONSUME("consume", "container-consume", 8081);

	private final String serviceName;

	private final String module;

	private final int port;

	ContainerService(String serviceName, String module, int port) {
		this.serviceName = serviceName;
		this.module = module;
		this.port = port;
	}

	/**
	 * The service name: container name, Cloud Map name, X-Ray segment name and log stream
	 * prefix.
	 */
	public String serviceName() {
		return this.serviceName;
	}

	/** The Maven module that holds the service and its Dockerfile. */
	public String module() {
		return this.module;
	}

	/** The port the service's Spring Boot web server listens on. */
	public int port() {
		return this.port;
	}

	/**
	 * The Dockerfile's path relative to the repository root, which is the build context.
	 */
	public String dockerfile() {
		return this.module + "/Dockerfile";
	}

	/**
	 * The CDK context key that takes an image URI for this service instead of a build of
	 * its Dockerfile.
	 */
	public String imageContextKey() {
		return this.serviceName + "Image";
	}

	/** The construct id of the service inside the stack, for example {@code Main}. */
	public String constructId() {
		return Character.toUpperCase(this.serviceName.charAt(0)) + this.serviceName.substring(1);
	}

}
