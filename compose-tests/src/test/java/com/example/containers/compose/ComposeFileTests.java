package com.example.containers.compose;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resolves the Compose files with a real Compose implementation ({@code config} needs no
 * Docker engine), in both modes, and checks the system's rules against what Compose would
 * run.
 */
class ComposeFileTests {

	private static final Set<String> CREDENTIALS = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
			"AWS_SESSION_TOKEN");

	/** Read by the X-Ray SDK from the environment itself, not through application.yml. */
	private static final Set<String> XRAY_VARIABLES = Set.of("AWS_XRAY_DAEMON_ADDRESS", "AWS_XRAY_TRACING_NAME");

	private static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/messages.fifo";

	private static final Pattern DEFAULTED_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:?[-=])");

	private static final Repository repository = Repository.locate();

	private static final Map<Mode, ResolvedCompose> resolved = new EnumMap<>(Mode.class);

	@ParameterizedTest
	@EnumSource(Mode.class)
	void eachModeRunsTheThreeServicesAndItsOwnStandIns(Mode mode) {
		Set<String> expected = (mode == Mode.LOCAL) ? Set.of("main", "process", "consume", "local-aws")
				: Set.of("main", "process", "consume", "xray");
		assertThat(resolve(mode).services()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void onlyMainPublishesAPortAndItIsMainsServerPort(Mode mode) {
		ResolvedCompose compose = resolve(mode);
		int port = repository.serverPort(module(compose, "main")).orElseThrow();
		for (String service : compose.services()) {
			assertThat(compose.publishedPorts(service)).as("ports published by %s", service)
				.isEqualTo(service.equals("main") ? List.of(port + ":" + port) : List.of());
		}
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void everyServiceHasAHealthCheckOnItsOwnPort(Mode mode) {
		ResolvedCompose compose = resolve(mode);
		for (String service : compose.services()) {
			assertThat(compose.healthCheckTest(service)).as("health check of %s", service).isNotEmpty();
			Optional<Integer> port = repository.serverPort(module(compose, service));
			port.ifPresent((number) -> assertThat(String.join(" ", compose.healthCheckTest(service)))
				.as("health check of %s", service)
				.contains("127.0.0.1:" + number + "/actuator/health"));
		}
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void startOrderWaitsForHealthyServices(Mode mode) {
		ResolvedCompose compose = resolve(mode);
		assertThat(compose.dependsOn("main")).containsEntry("process", "service_healthy");
		for (String service : compose.services()) {
			assertThat(compose.dependsOn(service).values()).as("conditions %s waits for", service)
				.allMatch("service_healthy"::equals);
			for (String peer : peersCalled(compose, service)) {
				assertThat(compose.dependsOn(service)).as("%s calls %s", service, peer)
					.containsEntry(peer, "service_healthy");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void everyServiceHasAMemoryLimit(Mode mode) {
		ResolvedCompose compose = resolve(mode);
		for (String service : compose.services()) {
			assertThat(compose.memoryLimitBytes(service)).as("memory limit of %s", service)
				.hasValueSatisfying((bytes) -> assertThat(bytes).isPositive());
		}
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void everyVariableTheServicesReadIsSet(Mode mode) {
		ResolvedCompose compose = resolve(mode);
		for (String service : compose.services()) {
			String module = module(compose, service);
			Set<String> read = new LinkedHashSet<>(repository.placeholders(module));
			if (repository.modules().contains(module) && module.startsWith("container-")) {
				read.addAll(XRAY_VARIABLES);
			}
			read.removeAll(CREDENTIALS);
			Map<String, String> environment = compose.environment(service);
			environment.values().removeIf((value) -> value == null);
			assertThat(environment.keySet()).as("variables set for %s (%s)", service, module).containsAll(read);
		}
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void processIsReachableFromMainAloneBesidesItsTraceDaemon(Mode mode) {
		ResolvedCompose compose = resolve(mode);
		String daemon = host(compose.environment("process").get("AWS_XRAY_DAEMON_ADDRESS"));
		Set<String> neighbours = new LinkedHashSet<>();
		for (String service : compose.services()) {
			if (!service.equals("process") && sharesANetwork(compose, service, "process")) {
				neighbours.add(service);
			}
		}
		assertThat(neighbours).contains("main").isSubsetOf("main", daemon);
		assertThat(compose.networks("process")).allMatch(compose::isInternal);
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void everyServiceIsBuiltFromTheRepositoryRoot(Mode mode) throws Exception {
		ResolvedCompose compose = resolve(mode);
		for (String service : compose.services()) {
			assertThat(Path.of(compose.buildContext(service).orElseThrow()).toRealPath()).as("context of %s", service)
				.isEqualTo(repository.root().toRealPath());
			assertThat(repository.resolve(compose.dockerfile(service).orElseThrow())).isRegularFile();
		}
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void imagesAreNamedFromTheEnvironment(Mode mode) {
		Map<String, String> env = new HashMap<>(mode.env());
		for (String service : resolve(mode).services()) {
			env.put(imageVariable(service), "registry.example.com/team/" + service + ":1.2.3");
		}
		ResolvedCompose compose = ComposeCli.require().resolve(repository.root(), env);
		for (String service : compose.services()) {
			assertThat(compose.image(service)).isEqualTo("registry.example.com/team/" + service + ":1.2.3");
		}
	}

	@Test
	void localModeQueueUrlsNameTheStandInAsTheOtherContainersReachIt() {
		ResolvedCompose compose = resolve(Mode.LOCAL);
		String standIn = host(compose.environment("main").get("SQS_ENDPOINT"));
		assertThat(compose.services()).contains(standIn);
		assertThat(compose.environment(standIn)).containsEntry("SQS_HOSTNAME", standIn)
			.containsEntry("LOCAL_AWS_BIND_ADDRESS", "0.0.0.0");
		for (String service : new String[] { "main", "consume" }) {
			assertThat(host(compose.environment(service).get("SQS_QUEUE_URL"))).isEqualTo(standIn);
			assertThat(host(compose.environment(service).get("SQS_ENDPOINT"))).isEqualTo(standIn);
		}
	}

	@Test
	void awsModeUsesTheQueueFromTheEnvironmentAndTheRealEndpoint() {
		ResolvedCompose compose = resolve(Mode.AWS);
		for (String service : new String[] { "main", "consume" }) {
			assertThat(compose.environment(service)).containsEntry("SQS_QUEUE_URL", QUEUE_URL)
				.containsEntry("SQS_ENDPOINT", "")
				.containsEntry("AWS_REGION", "eu-west-1");
		}
	}

	@Test
	void awsModeRefusesAMissingQueueUrl() {
		Map<String, String> env = new HashMap<>(Mode.AWS.env());
		env.remove("SQS_QUEUE_URL");
		ComposeCli.Result result = ComposeCli.require().config(repository.root(), env);
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.stderr()).contains("SQS_QUEUE_URL");
	}

	@Test
	void awsModeHasNoCredentialUnlessTheEnvironmentGivesOne() {
		ResolvedCompose compose = resolve(Mode.AWS);
		for (String service : compose.services()) {
			assertThat(compose.environment(service)).as("environment of %s", service)
				.allSatisfy((name, value) -> assertThat(CREDENTIALS.contains(name) ? value : null).isNull());
		}
	}

	@Test
	void awsModePassesCredentialsThroughToTheQueueUsersAndTheDaemon() {
		Map<String, String> env = new HashMap<>(Mode.AWS.env());
		env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
		env.put("AWS_SECRET_ACCESS_KEY", "secret-example");
		ResolvedCompose compose = ComposeCli.require().resolve(repository.root(), env);
		String daemon = host(compose.environment("main").get("AWS_XRAY_DAEMON_ADDRESS"));
		for (String service : new String[] { "main", "consume", daemon }) {
			assertThat(compose.environment(service)).as("environment of %s", service)
				.containsEntry("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
				.containsEntry("AWS_SECRET_ACCESS_KEY", "secret-example");
		}
	}

	@Test
	void localModeGivesDummyCredentialsOnlyToClientsOfTheStandIn() {
		ResolvedCompose compose = resolve(Mode.LOCAL);
		for (String service : compose.services()) {
			Map<String, String> environment = compose.environment(service);
			if (CREDENTIALS.stream().anyMatch((name) -> environment.get(name) != null)) {
				assertThat(compose.services())
					.as("%s has credentials, so its SQS endpoint must be a local service", service)
					.contains(host(environment.get("SQS_ENDPOINT")));
			}
		}
	}

	@Test
	void noComposeFileGivesACredentialADefaultValue() {
		for (String file : repository.composeFiles()) {
			Matcher matcher = DEFAULTED_VARIABLE.matcher(repository.read(repository.resolve(file)));
			while (matcher.find()) {
				assertThat(matcher.group(1)).as("%s gives %s a default", file, matcher.group(1))
					.doesNotMatch(".*(ACCESS_KEY|SECRET|TOKEN|PASSWORD).*");
			}
		}
	}

	private static ResolvedCompose resolve(Mode mode) {
		synchronized (resolved) {
			return resolved.computeIfAbsent(mode, (key) -> ComposeCli.require().resolve(repository.root(), key.env()));
		}
	}

	private static String module(ResolvedCompose compose, String service) {
		String dockerfile = compose.dockerfile(service).orElseThrow();
		return Path.of(dockerfile).getName(0).toString();
	}

	private static Set<String> peersCalled(ResolvedCompose compose, String service) {
		Set<String> peers = new LinkedHashSet<>();
		Map<String, String> environment = compose.environment(service);
		for (String variable : new String[] { "PROCESS_BASE_URL", "SQS_ENDPOINT", "AWS_XRAY_DAEMON_ADDRESS" }) {
			String peer = host(environment.get(variable));
			if (peer != null && compose.services().contains(peer)) {
				peers.add(peer);
			}
		}
		return peers;
	}

	private static boolean sharesANetwork(ResolvedCompose compose, String one, String other) {
		Set<String> networks = new LinkedHashSet<>(compose.networks(one));
		networks.retainAll(compose.networks(other));
		return !networks.isEmpty();
	}

	private static String host(String address) {
		if (address == null || address.isEmpty()) {
			return null;
		}
		return address.contains("://") ? URI.create(address).getHost() : address.substring(0, address.indexOf(':'));
	}

	private static String imageVariable(String service) {
		return service.toUpperCase(Locale.ROOT).replace('-', '_') + "_IMAGE";
	}

	/**
	 * The two ways to run the system, chosen without editing a file.
	 */
	enum Mode {

		/** No .env at all: the services, local-aws, and nothing from AWS. */
		LOCAL,

		/**
		 * Against real AWS: the COMPOSE_FILE that .env.sample documents, and the queue's
		 * URL.
		 */
		AWS;

		Map<String, String> env() {
			if (this == LOCAL) {
				return Map.of();
			}
			Path sample = repository.resolve(".env.sample");
			assertThat(sample).isRegularFile();
			Map<String, String> env = new LinkedHashMap<>();
			env.put("COMPOSE_FILE", EnvSample.read(sample).entry("COMPOSE_FILE").value());
			env.put("SQS_QUEUE_URL", QUEUE_URL);
			env.put("AWS_REGION", "eu-west-1");
			return env;
		}

	}

}
