package com.example.containers.compose;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.example.containers.deploy.ContainerService;
import com.example.containers.deploy.ContainersStack;
import com.example.containers.deploy.DeploySettings;
import com.example.containers.deploy.MessageQueues;
import com.example.containers.deploy.TracedFargateService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import static com.example.containers.compose.EcsComposeFile.asMap;
import static com.example.containers.compose.EcsComposeFile.logicalName;
import static com.example.containers.compose.EcsComposeFile.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the two ways to deploy agree: {@code docker-compose.ecs.yml} for the
 * Compose ECS integration (resolved with Compose, its {@code x-aws-*} parts read from the
 * file) and the deploy module's CDK stack (synthesized here) run the same services on the
 * same ports, behind the same listener, with the same queue pair and the same rights.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ComposeEcsStackAgreementTests {

	private static final String ACCOUNT = "123456789012";

	private static final String REGION = "eu-west-1";

	private static final String DAEMON = "xray";

	private static final String QUEUE = "MessagesQueue";

	private static final String DEAD_LETTER_QUEUE = "MessagesDeadLetterQueue";

	private static final long MIB = 1024 * 1024;

	/** The files the ECS context is given, as COMPOSE_FILE lists them. */
	private static final String ECS_FILES = "docker-compose.yml:" + EcsComposeFile.FILE;

	private static final Set<String> CREDENTIALS = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
			"AWS_SESSION_TOKEN");

	private final Repository repository = Repository.locate();

	private EcsComposeFile ecs;

	private SynthesizedStack stack;

	private ResolvedCompose resolved;

	@BeforeAll
	void readBothSides() {
		this.ecs = EcsComposeFile.read(this.repository);
		this.stack = SynthesizedStack.synthesize(Path.of("target", "cdk-compose-ecs"));
	}

	@Test
	void composeRunsTheStacksServicesAndOneTraceDaemonWhereTheStackGivesEachTaskItsOwn() {
		Set<String> expected = new TreeSet<>(List.of("main", "process", "consume", DAEMON));
		assertThat(compose().services()).isEqualTo(expected);
		for (ContainerService service : ContainerService.values()) {
			assertThat(expected).contains(service.serviceName());
			assertThat(this.stack.containerNames(service)).as("containers of %s's task", service.serviceName())
				.containsExactlyInAnyOrder(service.serviceName(), TracedFargateService.XRAY_DAEMON_CONTAINER);
		}
		assertThat(this.repository.read(this.repository.resolve(compose().dockerfile(DAEMON).orElseThrow())))
			.contains("FROM " + DeploySettings.DEFAULT_XRAY_DAEMON_IMAGE + "\n");
	}

	@Test
	void onlyMainIsPublishedAndOnThePortOfTheStacksOnlyListener() {
		Map<String, Map<String, Object>> listeners = this.stack.properties("AWS::ElasticLoadBalancingV2::Listener");
		assertThat(listeners).hasSize(1);
		int port = (Integer) listeners.values().iterator().next().get("Port");
		assertThat(port).isEqualTo(8080).isEqualTo(ContainersStack.LISTENER_PORT);
		for (String service : compose().services()) {
			assertThat(compose().publishedPorts(service)).as("ports %s publishes", service)
				.isEqualTo(service.equals("main") ? List.of(port + ":" + port) : List.of());
		}
	}

	@Test
	void eachServiceListensOnTheStacksContainerPort() {
		Map<String, Integer> ports = Map.of("main", 8080, "process", 8082, "consume", 8081);
		for (ContainerService service : ContainerService.values()) {
			Object mapped = ((List<?>) this.stack.serviceContainer(service).get("PortMappings")).stream()
				.map((mapping) -> asMap(mapping).get("ContainerPort"))
				.toList();
			assertThat(mapped).as("ports of %s in the stack", service.serviceName())
				.isEqualTo(List.of(ports.get(service.serviceName())));
			assertThat(String.join(" ", compose().healthCheckTest(service.serviceName())))
				.as("health check of %s in Compose", service.serviceName())
				.contains("http://127.0.0.1:" + ports.get(service.serviceName()) + "/actuator/health");
		}
	}

	@Test
	void mainCallsProcessByTheSameNameAndPort() {
		URI composeUrl = URI.create(compose().environment("main").get("PROCESS_BASE_URL"));
		URI stackUrl = URI.create(String.valueOf(environment(ContainerService.MAIN).get("PROCESS_BASE_URL")));
		assertThat(composeUrl.getHost()).isEqualTo("process");
		assertThat(stackUrl.getHost()).isEqualTo("process." + DeploySettings.DEFAULT_NAMESPACE);
		assertThat(composeUrl.getPort()).isEqualTo(stackUrl.getPort()).isEqualTo(8082);
	}

	@Test
	void onlyMainAndTheTraceDaemonReachProcessAsOnlyMainDoesInTheStack() {
		Set<String> neighbours = new TreeSet<>();
		for (String service : compose().services()) {
			Set<String> shared = new LinkedHashSet<>(compose().networks(service));
			shared.retainAll(compose().networks("process"));
			if (!service.equals("process") && !shared.isEmpty()) {
				neighbours.add(service);
			}
		}
		assertThat(neighbours).containsExactly("main", DAEMON);
		assertThat(ingressInto(ContainerService.PROCESS))
			.containsExactly(Map.of("from", groupOf(ContainerService.MAIN), "port", 8082));
	}

	@Test
	void loadBalancerChecksMainsHealthTheSameWay() {
		Map<String, Map<String, Object>> targetGroups = this.stack
			.properties("AWS::ElasticLoadBalancingV2::TargetGroup");
		assertThat(targetGroups).hasSize(1);
		Map<String, Object> stackGroup = targetGroups.values().iterator().next();
		Map<String, Object> composeGroup = this.ecs.overlayProperties(targetGroupName());
		for (String key : List.of("Port", "Protocol")) {
			assertThat(composeGroup).as("the integration sets %s", key).doesNotContainKey(key);
		}
		assertThat(stackGroup).containsEntry("Port", 8080).containsEntry("Protocol", "TCP");
		for (String key : List.of("HealthCheckProtocol", "HealthCheckPath", "Matcher", "HealthCheckIntervalSeconds",
				"HealthCheckTimeoutSeconds", "HealthyThresholdCount", "UnhealthyThresholdCount")) {
			assertThat(composeGroup.get(key)).as(key).isNotNull().isEqualTo(stackGroup.get(key));
		}
		assertThat(attributes(composeGroup)).isEqualTo(attributes(stackGroup))
			.containsEntry("preserve_client_ip.enabled", "false");
	}

	@Test
	void queuesAreTheStacksFifoPairWithTheSameRedrive() {
		Map<String, Object> stackQueue = this.stack.properties("AWS::SQS::Queue", this.stack.stack().queues().queue());
		Map<String, Object> stackDeadLetterQueue = this.stack.properties("AWS::SQS::Queue",
				this.stack.stack().queues().deadLetterQueue());
		Map<String, Object> queue = this.ecs.overlayProperties(QUEUE);
		Map<String, Object> deadLetterQueue = this.ecs.overlayProperties(DEAD_LETTER_QUEUE);
		assertThat(queue).containsEntry("QueueName", MessageQueues.QUEUE_NAME).containsEntry("FifoQueue", true);
		assertThat(deadLetterQueue).containsEntry("QueueName", MessageQueues.DEAD_LETTER_QUEUE_NAME)
			.containsEntry("FifoQueue", true);
		assertSameSettings(queue, stackQueue, "QueueName", "FifoQueue", "ContentBasedDeduplication",
				"VisibilityTimeout", "SqsManagedSseEnabled");
		assertSameSettings(deadLetterQueue, stackDeadLetterQueue, "QueueName", "FifoQueue", "MessageRetentionPeriod",
				"SqsManagedSseEnabled");
		assertThat(map(queue, "RedrivePolicy")).isEqualTo(Map.of("maxReceiveCount", MessageQueues.MAX_RECEIVE_COUNT,
				"deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(DEAD_LETTER_QUEUE, "Arn"))));
		assertThat(map(stackQueue, "RedrivePolicy")).containsEntry("maxReceiveCount", MessageQueues.MAX_RECEIVE_COUNT)
			.containsEntry("deadLetterTargetArn", Map.of("Fn::GetAtt",
					List.of(this.stack.logicalId(this.stack.stack().queues().deadLetterQueue()), "Arn")));
	}

	@Test
	void bothQueuesRefuseRequestsWithoutTlsAsInTheStack() {
		List<Object> stackQueues = new ArrayList<>();
		List<Map<String, Object>> statements = new ArrayList<>();
		for (Map<String, Object> policy : this.stack.properties("AWS::SQS::QueuePolicy").values()) {
			stackQueues.addAll((List<?>) policy.get("Queues"));
			((List<?>) map(policy, "PolicyDocument").get("Statement")).forEach((item) -> statements.add(asMap(item)));
		}
		assertThat(stackQueues).containsExactlyInAnyOrder(
				Map.of("Ref", this.stack.logicalId(this.stack.stack().queues().queue())),
				Map.of("Ref", this.stack.logicalId(this.stack.stack().queues().deadLetterQueue())));
		Map<String, Object> policy = this.ecs.overlayProperties("MessagesQueuesPolicy");
		assertThat(new ArrayList<Object>((List<?>) policy.get("Queues")))
			.containsExactlyInAnyOrder(Map.of("Ref", QUEUE), Map.of("Ref", DEAD_LETTER_QUEUE));
		List<?> composeStatements = (List<?>) map(policy, "PolicyDocument").get("Statement");
		assertThat(composeStatements).hasSize(1);
		Map<String, Object> statement = asMap(composeStatements.get(0));
		assertThat(statements).isNotEmpty()
			.allSatisfy(
					(stackStatement) -> assertSameSettings(statement, stackStatement, "Effect", "Action", "Condition"));
		assertThat(statement).containsEntry("Effect", "Deny");
	}

	@Test
	void mainAndConsumeUseTheOverlaysQueueAsTheStacksUseItsOwn() {
		String url = "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/"
				+ this.ecs.overlayProperties(QUEUE).get("QueueName");
		Object stackQueue = Map.of("Ref", this.stack.logicalId(this.stack.stack().queues().queue()));
		for (ContainerService service : List.of(ContainerService.MAIN, ContainerService.CONSUME)) {
			assertThat(compose().environment(service.serviceName())).containsEntry("SQS_QUEUE_URL", url)
				.containsEntry("SQS_ENDPOINT", "");
			assertThat(environment(service)).containsEntry("SQS_QUEUE_URL", stackQueue);
		}
		assertThat(compose().environment("process")).doesNotContainKey("SQS_QUEUE_URL");
		assertThat(environment(ContainerService.PROCESS)).doesNotContainKey("SQS_QUEUE_URL");
	}

	@Test
	void eachServiceWithItsTraceDaemonMayDoExactlyWhatItsTaskRoleAllowsInTheStack() {
		Map<String, List<String>> queueActions = Map.of("main", List.of("sqs:SendMessage"), "process", List.of(),
				"consume", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
						"sqs:GetQueueAttributes", "sqs:GetQueueUrl"));
		assertThat(this.ecs.roleActions(DAEMON)).isEqualTo(TracedFargateService.XRAY_ACTIONS);
		for (ContainerService service : ContainerService.values()) {
			List<String> own = this.ecs.roleActions(service.serviceName());
			assertThat(own).as("actions of %s", service.serviceName())
				.isEqualTo(queueActions.get(service.serviceName()));
			List<String> withDaemon = new ArrayList<>(own);
			withDaemon.addAll(this.ecs.roleActions(DAEMON));
			assertThat(this.stack.taskRoleActions(service)).as("actions of %s's task role in the stack", service)
				.containsExactlyInAnyOrderElementsOf(withDaemon);
		}
	}

	@Test
	void rolesAllowOnlyTheQueueAndNoWildcardExceptWhereXRayRequiresOne() {
		Object queueArn = Map.of("Fn::GetAtt", List.of(QUEUE, "Arn"));
		for (String service : compose().services()) {
			assertThat(this.ecs.service(service)).as("managed policies of %s", service)
				.doesNotContainKey("x-aws-policies");
			for (Map<String, Object> statement : this.ecs.roleStatements(service)) {
				List<String> actions = EcsComposeFile.strings(statement.get("Action"));
				assertThat(statement).containsEntry("Effect", "Allow").doesNotContainKey("NotAction");
				assertThat(actions).noneMatch((action) -> action.contains("*"));
				Object resource = actions.stream().allMatch((action) -> action.startsWith("xray:")) ? "*" : queueArn;
				assertThat(statement.get("Resource")).as("resource of %s in %s", actions, service).isEqualTo(resource);
			}
		}
		assertThat(this.ecs.roleStatements("process")).isEmpty();
	}

	@Test
	void logsAreKeptAsLongAsTheStacksLogGroups() {
		Map<String, Map<String, Object>> logGroups = this.stack.properties("AWS::Logs::LogGroup");
		assertThat(logGroups).hasSize(ContainerService.values().length);
		for (Map<String, Object> logGroup : logGroups.values()) {
			assertThat(logGroup.get("RetentionInDays")).isEqualTo(this.ecs.topLevel("x-aws-logs_retention"));
		}
	}

	@Test
	void everyServiceRollsBackAFailedDeploymentAsInTheStack() {
		Map<String, Object> circuitBreaker = Map.of("Enable", true, "Rollback", true);
		for (Map<String, Object> service : this.stack.properties("AWS::ECS::Service").values()) {
			assertThat(map(service, "DeploymentConfiguration")).containsEntry("DeploymentCircuitBreaker",
					circuitBreaker);
		}
		for (String service : compose().services()) {
			assertThat(map(this.ecs.overlayProperties(logicalName(service) + "Service"), "DeploymentConfiguration"))
				.as("deployment of %s", service)
				.containsEntry("DeploymentCircuitBreaker", circuitBreaker);
		}
		assertThat(this.ecs.overlayProperties("MainService").get("HealthCheckGracePeriodSeconds")).isEqualTo(
				this.stack.properties("AWS::ECS::Service", this.stack.stack().service(ContainerService.MAIN).service())
					.get("HealthCheckGracePeriodSeconds"));
	}

	@Test
	void mainScalesOnCpuWithinTheStacksBoundsAndCooldowns() {
		Map<String, Object> scaling = autoScaling("main");
		List<Map<String, Object>> tracking = this.stack.properties("AWS::ApplicationAutoScaling::ScalingPolicy")
			.values()
			.stream()
			.filter((policy) -> policy.containsKey("TargetTrackingScalingPolicyConfiguration"))
			.toList();
		assertThat(tracking).hasSize(1);
		Map<String, Object> configuration = map(tracking.get(0), "TargetTrackingScalingPolicyConfiguration");
		assertThat(map(configuration, "PredefinedMetricSpecification")).containsEntry("PredefinedMetricType",
				"ECSServiceAverageCPUUtilization");
		assertThat(((Number) configuration.get("TargetValue")).intValue()).isEqualTo(scaling.get("cpu"));
		Map<String, Object> cooldowns = map(this.ecs.overlayProperties("MainScalingPolicy"),
				"TargetTrackingScalingPolicyConfiguration");
		assertSameSettings(cooldowns, configuration, "ScaleOutCooldown", "ScaleInCooldown");
		Map<String, Object> target = this.stack.properties("AWS::ApplicationAutoScaling::ScalableTarget")
			.get(String.valueOf(map(tracking.get(0), "ScalingTargetId").get("Ref")));
		assertThat(target.get("ResourceId")).asString()
			.contains(this.stack.logicalId(this.stack.stack().service(ContainerService.MAIN).service()));
		assertThat(Map.of("min", target.get("MinCapacity"), "max", target.get("MaxCapacity")))
			.isEqualTo(Map.of("min", scaling.get("min"), "max", scaling.get("max")));
		assertThat(autoScaling("process")).isEmpty();
	}

	@Test
	void eachServiceGetsATaskOfTheStacksSize() {
		for (ContainerService service : ContainerService.values()) {
			Map<String, Object> taskDefinition = this.stack.properties("AWS::ECS::TaskDefinition",
					this.stack.stack().service(service).service().getTaskDefinition());
			double cpus = this.ecs.cpuLimit(service.serviceName()).orElseThrow();
			assertThat(String.valueOf(Math.round(cpus * 1024))).isEqualTo(taskDefinition.get("Cpu"));
			assertThat(String.valueOf(compose().memoryLimitBytes(service.serviceName()).orElseThrow() / MIB))
				.isEqualTo(taskDefinition.get("Memory"));
		}
	}

	@Test
	void overlayChangesOnlyResourcesTheIntegrationGeneratesForThisFile() {
		Set<String> generated = new TreeSet<>();
		compose().services().forEach((service) -> generated.add(logicalName(service) + "Service"));
		generated.add(targetGroupName());
		compose().services()
			.stream()
			.filter((service) -> !autoScaling(service).isEmpty())
			.forEach((service) -> generated
				.addAll(List.of(logicalName(service) + "ScalableTarget", logicalName(service) + "ScalingPolicy")));
		Set<String> ingress = new TreeSet<>();
		compose().networks("main").forEach((network) -> ingress.add(logicalName(network) + "8080Ingress"));
		generated.addAll(ingress);
		Map<String, Object> patched = new LinkedHashMap<>(this.ecs.overlayResources());
		patched.values().removeIf((resource) -> asMap(resource).containsKey("Type"));
		assertThat(generated).containsAll(patched.keySet()).containsAll(ingress);
		assertThat(patched.keySet()).containsAll(ingress);
		for (ContainerService service : ContainerService.values()) {
			assertThat(logicalName(service.serviceName())).isEqualTo(service.constructId());
		}
	}

	@Test
	void ecsFilesDoNotResolveWithoutTheAccountTheQueueUrlNames() {
		ComposeCli.Result result = ComposeCli.require()
			.config(this.repository.root(), Map.of("COMPOSE_FILE", ECS_FILES, "AWS_REGION", REGION));
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.stderr()).contains("AWS_ACCOUNT_ID");
	}

	@Test
	void everyVariableTheServicesReadIsSetAndNoneIsACredential() {
		for (ContainerService service : ContainerService.values()) {
			Map<String, String> environment = compose().environment(service.serviceName());
			Set<String> read = new LinkedHashSet<>(this.repository.placeholders(service.module()));
			read.addAll(List.of("AWS_XRAY_DAEMON_ADDRESS", "AWS_XRAY_TRACING_NAME"));
			read.removeAll(CREDENTIALS);
			assertThat(environment.keySet()).as("variables of %s", service.serviceName()).containsAll(read);
		}
		for (String service : compose().services()) {
			assertThat(compose().environment(service).keySet()).as("variables of %s", service)
				.doesNotContainAnyElementsOf(CREDENTIALS);
		}
	}

	private ResolvedCompose compose() {
		if (this.resolved == null) {
			this.resolved = ComposeCli.require()
				.resolve(this.repository.root(),
						Map.of("COMPOSE_FILE", ECS_FILES, "AWS_ACCOUNT_ID", ACCOUNT, "AWS_REGION", REGION));
		}
		return this.resolved;
	}

	/**
	 * A service's {@code x-aws-autoscaling}, which the integration reads from its
	 * {@code deploy} section.
	 */
	private Map<String, Object> autoScaling(String service) {
		return map(map(this.ecs.service(service), "deploy"), "x-aws-autoscaling");
	}

	private static String targetGroupName() {
		return logicalName(ContainerService.MAIN.serviceName()) + "TCP" + ContainersStack.LISTENER_PORT + "TargetGroup";
	}

	private Map<String, Object> environment(ContainerService service) {
		Map<String, Object> environment = new LinkedHashMap<>();
		for (Object variable : (List<?>) this.stack.serviceContainer(service).get("Environment")) {
			environment.put(String.valueOf(asMap(variable).get("Name")), asMap(variable).get("Value"));
		}
		return environment;
	}

	private Object groupOf(ContainerService service) {
		String group = this.stack.logicalId(this.stack.stack().service(service).securityGroup());
		return Map.of("Fn::GetAtt", List.of(group, "GroupId"));
	}

	private List<Map<String, Object>> ingressInto(ContainerService service) {
		Object group = groupOf(service);
		return this.stack.properties("AWS::EC2::SecurityGroupIngress")
			.values()
			.stream()
			.filter((rule) -> group.equals(rule.get("GroupId")))
			.map((rule) -> Map.of("from", rule.get("SourceSecurityGroupId"), "port", rule.get("FromPort")))
			.toList();
	}

	private static Map<String, Object> attributes(Map<String, Object> targetGroup) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (Object attribute : (List<?>) targetGroup.get("TargetGroupAttributes")) {
			attributes.put(String.valueOf(asMap(attribute).get("Key")), asMap(attribute).get("Value"));
		}
		return attributes;
	}

	private static void assertSameSettings(Map<String, Object> compose, Map<String, Object> stack, String... keys) {
		for (String key : keys) {
			assertThat(compose.get(key)).as(key).isNotNull().isEqualTo(stack.get(key));
		}
	}

}
