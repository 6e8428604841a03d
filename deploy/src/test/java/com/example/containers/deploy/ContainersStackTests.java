package com.example.containers.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

import static com.example.containers.deploy.StackTemplates.number;
import static com.example.containers.deploy.StackTemplates.properties;
import static com.example.containers.deploy.StackTemplates.ref;
import static com.example.containers.deploy.StackTemplates.reference;
import static com.example.containers.deploy.StackTemplates.resources;
import static com.example.containers.deploy.StackTemplates.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Checks the synthesized template of the stack, built with ECR image URIs as a CI
 * pipeline would pass them. The stack is synthesized once for all tests, since synthesis
 * takes seconds.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ContainersStackTests {

	private static final List<String> XRAY_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
			"xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries");

	private ContainersStack stack;

	private Template template;

	@BeforeAll
	void synthesize() {
		this.stack = StackTemplates.synthesize(StackTemplates.ECR_IMAGES, Path.of("target", "cdk-test", "ecr"));
		this.template = StackTemplates.template(this.stack);
	}

	@Test
	void loadBalancerIsAnInternetFacingNetworkLoadBalancerWithItsOwnSecurityGroup() {
		this.template.resourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 1);
		this.template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer",
				Map.of("Type", "network", "Scheme", "internet-facing", "SecurityGroups", List.of(Map.of("Fn::GetAtt",
						List.of(logicalId(this.stack.getNode().findChild("LoadBalancerSecurityGroup")), "GroupId")))));
	}

	@Test
	void onlyListenerIsTcpOn8080AndForwardsToItsTargetGroup() {
		Map<String, Map<String, Object>> listeners = resources(this.template, "AWS::ElasticLoadBalancingV2::Listener");
		assertThat(listeners).hasSize(1);
		Map<String, Object> listener = properties(listeners.values().iterator().next());
		assertThat(listener).containsEntry("Port", 8080).containsEntry("Protocol", "TCP");
		assertThat(listener.get("DefaultActions")).asString().contains("forward").contains(targetGroupId());
	}

	@Test
	void targetGroupSendsTcpToMainsPortAndChecksItsHealthEndpointOverHttp() {
		assertThat(resources(this.template, "AWS::ElasticLoadBalancingV2::TargetGroup")).hasSize(1);
		this.template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup",
				Match.objectLike(Map.of("Port", 8080, "Protocol", "TCP", "TargetType", "ip", "HealthCheckProtocol",
						"HTTP", "HealthCheckPath", "/actuator/health", "Matcher", Map.of("HttpCode", "200"))));
	}

	@Test
	void onlyMainIsRegisteredWithTheLoadBalancer() {
		Map<String, Object> loadBalancers = new LinkedHashMap<>();
		for (ContainerService spec : ContainerService.values()) {
			loadBalancers.put(spec.serviceName(), service(spec).get("LoadBalancers"));
		}
		assertThat(loadBalancers)
			.containsEntry("main",
					List.of(Map.of("ContainerName", "main", "ContainerPort", 8080, "TargetGroupArn",
							Map.of("Ref", targetGroupId()))))
			.containsEntry("process", null)
			.containsEntry("consume", null);
	}

	@Test
	void ingressIsInternetToLoadBalancerOn8080AndLoadBalancerToMainAndMainToProcessOnly() {
		String loadBalancerGroup = ref(logicalId(this.stack.getNode().findChild("LoadBalancerSecurityGroup")));
		assertThat(rules("AWS::EC2::SecurityGroupIngress", "SecurityGroupIngress", "SourceSecurityGroupId"))
			.containsExactlyInAnyOrder(loadBalancerGroup + " tcp 8080-8080 0.0.0.0/0",
					securityGroup(ContainerService.MAIN) + " tcp 8080-8080 " + loadBalancerGroup,
					securityGroup(ContainerService.PROCESS) + " tcp 8082-8082 " + securityGroup(ContainerService.MAIN));
	}

	@Test
	void egressIsHttpsForTheTasksAndOnlyTheNextHopOtherwise() {
		String loadBalancerGroup = ref(logicalId(this.stack.getNode().findChild("LoadBalancerSecurityGroup")));
		assertThat(rules("AWS::EC2::SecurityGroupEgress", "SecurityGroupEgress", "DestinationSecurityGroupId"))
			.containsExactlyInAnyOrder(loadBalancerGroup + " tcp 8080-8080 " + securityGroup(ContainerService.MAIN),
					securityGroup(ContainerService.MAIN) + " tcp 8082-8082 " + securityGroup(ContainerService.PROCESS),
					securityGroup(ContainerService.MAIN) + " tcp 443-443 0.0.0.0/0",
					securityGroup(ContainerService.PROCESS) + " tcp 443-443 0.0.0.0/0",
					securityGroup(ContainerService.CONSUME) + " tcp 443-443 0.0.0.0/0");
	}

	@Test
	void everyServiceHasItsOwnSecurityGroupAndAPublicIpInAPublicSubnet() {
		List<Object> groups = new ArrayList<>();
		for (ContainerService spec : ContainerService.values()) {
			Map<String, Object> network = map(
					map(service(spec).get("NetworkConfiguration")).get("AwsvpcConfiguration"));
			assertThat(network).containsEntry("AssignPublicIp", "ENABLED");
			assertThat(strings(network.get("Subnets"))).allMatch((subnet) -> subnet.contains("VpcPublicSubnet"));
			groups.add(network.get("SecurityGroups"));
		}
		assertThat(groups).doesNotHaveDuplicates().allSatisfy((group) -> assertThat((List<?>) group).hasSize(1));
		this.template.resourceCountIs("AWS::EC2::NatGateway", 0);
	}

	@Test
	void queueIsFifoAndMovesAMessageToTheFifoDeadLetterQueueAfterThreeReceives() {
		String deadLetterQueue = logicalId(this.stack.queues().deadLetterQueue());
		assertThat(resources(this.template, "AWS::SQS::Queue")).hasSize(2);
		this.template.hasResourceProperties("AWS::SQS::Queue",
				Map.of("QueueName", "messages.fifo", "FifoQueue", true, "ContentBasedDeduplication", false,
						"RedrivePolicy", Map.of("deadLetterTargetArn",
								Map.of("Fn::GetAtt", List.of(deadLetterQueue, "Arn")), "maxReceiveCount", 3)));
		assertThat(properties(resources(this.template, "AWS::SQS::Queue").get(deadLetterQueue)))
			.containsEntry("QueueName", "messages-dlq.fifo")
			.containsEntry("FifoQueue", true)
			.doesNotContainKey("RedrivePolicy");
	}

	@Test
	void mainMaySendToTheQueueAndWriteTracesOnly() {
		assertThat(taskRoleStatements(ContainerService.MAIN)).containsExactlyInAnyOrder(xrayStatement(),
				"[sqs:SendMessage] on " + queue());
	}

	@Test
	void consumeMayReceiveDeleteAndChangeVisibilityOnTheQueueAndWriteTracesOnly() {
		assertThat(taskRoleStatements(ContainerService.CONSUME)).containsExactlyInAnyOrder(xrayStatement(),
				"[sqs:ChangeMessageVisibility, sqs:DeleteMessage, sqs:GetQueueAttributes, sqs:GetQueueUrl, "
						+ "sqs:ReceiveMessage] on " + queue());
	}

	@Test
	void processMayWriteTracesOnly() {
		assertThat(taskRoleStatements(ContainerService.PROCESS)).containsExactly(xrayStatement());
	}

	@Test
	void eachServiceHasItsOwnTaskRoleThatOnlyEcsTasksOfThisAccountAssume() {
		List<String> roles = new ArrayList<>();
		for (ContainerService spec : ContainerService.values()) {
			String role = taskRole(spec);
			roles.add(role);
			Map<String, Object> trust = map(
					properties(resources(this.template, "AWS::IAM::Role").get(role)).get("AssumeRolePolicyDocument"));
			assertThat(trust.get("Statement")).isEqualTo(List.of(Map.of("Action", "sts:AssumeRole", "Effect", "Allow",
					"Principal", Map.of("Service", "ecs-tasks.amazonaws.com"), "Condition",
					Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))))));
		}
		assertThat(roles).doesNotHaveDuplicates();
	}

	@Test
	void noPolicyAllowsAWildcardActionAndOnlyXRayAndTheEcrTokenUseAWildcardResource() {
		List<Map<String, Object>> statements = allStatements();
		assertThat(statements).isNotEmpty().allSatisfy((statement) -> {
			List<String> actions = strings(statement.get("Action"));
			assertThat(actions).noneMatch((action) -> action.contains("*"));
			if ("*".equals(statement.get("Resource"))) {
				assertThat(List.of(XRAY_ACTIONS, List.of("ecr:GetAuthorizationToken"))).contains(actions);
			}
			assertThat(strings(statement.get("Resource"))).noneMatch((resource) -> resource.endsWith(":*"));
		});
	}

	@Test
	void executionRolesPullOnlyTheirServicesRepositoryAndWriteOnlyTheirLogGroup() {
		for (ContainerService spec : ContainerService.values()) {
			String repository = "arn:aws:ecr:eu-west-1:123456789012:repository/aws-containers/" + spec.serviceName();
			assertThat(roleStatements(executionRole(spec))).containsExactlyInAnyOrder(
					"[logs:CreateLogStream, logs:PutLogEvents] on " + ref(logGroup(spec)),
					"[ecr:BatchCheckLayerAvailability, ecr:BatchGetImage, ecr:GetDownloadUrlForLayer] on " + repository,
					"[ecr:GetAuthorizationToken] on *");
		}
	}

	@Test
	void everyTaskRunsTheXRayDaemonAsASidecarThatStartsBeforeTheService() {
		assertThat(resources(this.template, "AWS::ECS::TaskDefinition")).hasSize(3);
		for (ContainerService spec : ContainerService.values()) {
			Map<String, Object> daemon = container(spec, "xray-daemon");
			assertThat(daemon).containsEntry("Image", DeploySettings.DEFAULT_XRAY_DAEMON_IMAGE)
				.containsEntry("Essential", false);
			assertThat(container(spec, spec.serviceName()).get("DependsOn"))
				.isEqualTo(List.of(Map.of("ContainerName", "xray-daemon", "Condition", "START")));
		}
	}

	@Test
	void servicesSendSegmentsToTheirSidecarUnderTheirOwnName() {
		for (ContainerService spec : ContainerService.values()) {
			assertThat(environment(spec)).contains(entry("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:2000"),
					entry("AWS_XRAY_TRACING_NAME", spec.serviceName()),
					entry("AWS_REGION", Map.of("Ref", "AWS::Region")));
		}
	}

	@Test
	void mainAndConsumeGetTheQueueUrlAndMainFindsProcessByItsCloudMapName() {
		Map<String, Object> queueUrl = Map.of("Ref", logicalId(this.stack.queues().queue()));
		assertThat(environment(ContainerService.MAIN)).contains(entry("SQS_QUEUE_URL", queueUrl),
				entry("PROCESS_BASE_URL", "http://process.aws-containers.internal:8082"));
		assertThat(environment(ContainerService.CONSUME)).contains(entry("SQS_QUEUE_URL", queueUrl));
		this.template.hasResourceProperties("AWS::ServiceDiscovery::PrivateDnsNamespace",
				Map.of("Name", "aws-containers.internal"));
		this.template.hasResourceProperties("AWS::ServiceDiscovery::Service", Match.objectLike(Map.of("Name", "process",
				"DnsConfig", Match.objectLike(Map.of("DnsRecords", List.of(Map.of("Type", "A", "TTL", 10)))))));
		assertThat(service(ContainerService.PROCESS)).containsKey("ServiceRegistries");
		assertThat(service(ContainerService.MAIN)).doesNotContainKey("ServiceRegistries");
		assertThat(service(ContainerService.CONSUME)).doesNotContainKey("ServiceRegistries");
	}

	@Test
	void noContainerGetsCredentialsOrAnSqsEndpointFromItsEnvironment() {
		for (ContainerService spec : ContainerService.values()) {
			for (String container : List.of(spec.serviceName(), "xray-daemon")) {
				assertThat(environmentOf(container(spec, container))).doesNotContainKeys("AWS_ACCESS_KEY_ID",
						"AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "SQS_ENDPOINT");
				assertThat(container(spec, container)).doesNotContainKey("Secrets");
			}
		}
	}

	@Test
	void everyContainerLogsThroughAwslogsToItsServicesLogGroupKeptForAWeek() {
		assertThat(resources(this.template, "AWS::Logs::LogGroup")).hasSize(3)
			.allSatisfy((id, group) -> assertThat(properties(group)).containsEntry("RetentionInDays", 7));
		for (ContainerService spec : ContainerService.values()) {
			for (String container : List.of(spec.serviceName(), "xray-daemon")) {
				Map<String, Object> logging = map(container(spec, container).get("LogConfiguration"));
				assertThat(logging).containsEntry("LogDriver", "awslogs");
				assertThat(map(logging.get("Options")).get("awslogs-group")).isEqualTo(Map.of("Ref", logGroup(spec)));
			}
		}
	}

	@Test
	void mainScalesOnCpuAndConsumeOnQueueDepthAndProcessNotAtAll() {
		Map<String, String> scaledServices = resources(this.template, "AWS::ApplicationAutoScaling::ScalableTarget")
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					(target) -> String.valueOf(properties(target.getValue()).get("ResourceId"))));
		assertThat(scaledServices).hasSize(2);
		assertThat(scaledServices.values()).anyMatch((id) -> id.contains(serviceId(ContainerService.MAIN)))
			.anyMatch((id) -> id.contains(serviceId(ContainerService.CONSUME)))
			.noneMatch((id) -> id.contains(serviceId(ContainerService.PROCESS)));
		this.template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy",
				Match.objectLike(
						Map.of("PolicyType", "TargetTrackingScaling", "TargetTrackingScalingPolicyConfiguration",
								Match.objectLike(Map.of("TargetValue", 60, "PredefinedMetricSpecification",
										Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization"))))));
	}

	@Test
	void consumeAddsTasksWhenMessagesWaitAndRemovesThemWhenNoneDo() {
		Map<String, Map<String, Object>> alarms = resources(this.template, "AWS::CloudWatch::Alarm");
		assertThat(alarms).hasSize(2)
			.allSatisfy((id, alarm) -> assertThat(properties(alarm))
				.containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
				.containsEntry("Namespace", "AWS/SQS")
				.containsEntry("Dimensions", List.of(Map.of("Name", "QueueName", "Value",
						Map.of("Fn::GetAtt", List.of(logicalId(this.stack.queues().queue()), "QueueName"))))));
		assertThat(alarms.values().stream().map((alarm) -> properties(alarm).get("ComparisonOperator")).toList())
			.containsExactlyInAnyOrder("LessThanOrEqualToThreshold", "GreaterThanOrEqualToThreshold");
		List<Map<String, Object>> stepPolicies = resources(this.template, "AWS::ApplicationAutoScaling::ScalingPolicy")
			.values()
			.stream()
			.map(StackTemplates::properties)
			.filter((policy) -> "StepScaling".equals(policy.get("PolicyType")))
			.toList();
		assertThat(stepPolicies).hasSize(2)
			.allSatisfy((policy) -> assertThat(reference(policy.get("ScalingTargetId")))
				.isEqualTo(ref(scalableTargetOf(ContainerService.CONSUME))));
	}

	@Test
	void serviceAndDaemonFitTheTasksMemoryTogether() {
		for (ContainerService spec : ContainerService.values()) {
			int task = Integer.parseInt(String.valueOf(taskDefinition(spec).get("Memory")));
			int service = number(container(spec, spec.serviceName()).get("Memory"));
			int daemon = number(container(spec, "xray-daemon").get("MemoryReservation"));
			assertThat(service + daemon).isLessThanOrEqualTo(task);
		}
	}

	@Test
	void servicesGetMoreTimeToStopThanTheirGracefulShutdownTakes() {
		int gracefulShutdownSeconds = 20;
		for (ContainerService spec : ContainerService.values()) {
			assertThat(number(container(spec, spec.serviceName()).get("StopTimeout")))
				.isGreaterThan(gracefulShutdownSeconds)
				.isLessThanOrEqualTo(120);
		}
	}

	@Test
	void everyServiceRollsBackADeploymentThatFails() {
		for (ContainerService spec : ContainerService.values()) {
			assertThat(map(service(spec).get("DeploymentConfiguration")).get("DeploymentCircuitBreaker"))
				.isEqualTo(Map.of("Enable", true, "Rollback", true));
		}
	}

	@Test
	void everyServiceContainerIsHealthCheckedOnItsHealthEndpoint() {
		for (ContainerService spec : ContainerService.values()) {
			assertThat(strings(map(container(spec, spec.serviceName()).get("HealthCheck")).get("Command")))
				.startsWith("CMD", "curl", "--fail")
				.endsWith("http://127.0.0.1:" + spec.port() + "/actuator/health");
		}
	}

	@Test
	void imagesAreTheGivenEcrImages() {
		assertThat(container(ContainerService.MAIN, "main").get("Image")).asString()
			.contains("123456789012.dkr.ecr.eu-west-1.")
			.contains("/aws-containers/main:1.0.0");
		assertThat(container(ContainerService.CONSUME, "consume").get("Image")).asString()
			.contains("/aws-containers/consume@sha256:0123456789abcdef");
	}

	@Test
	void outputsNameTheLoadBalancerACurlLineTheQueuesAndTheLogGroups() {
		Map<String, Map<String, Object>> outputs = this.template.findOutputs("*");
		assertThat(outputs).containsKeys("LoadBalancerDnsName", "CurlPathTwo", "CurlSendMessage", "QueueUrl",
				"DeadLetterQueueUrl", "MainLogGroup", "ProcessLogGroup", "ConsumeLogGroup");
		String loadBalancer = logicalId(this.stack.loadBalancer());
		assertThat(outputs.get("CurlPathTwo").get("Value")).isEqualTo(Map.of("Fn::Join", List.of("", List
			.of("curl http://", Map.of("Fn::GetAtt", List.of(loadBalancer, "DNSName")), ":8080/api/path-two"))));
		assertThat(outputs.get("QueueUrl").get("Value"))
			.isEqualTo(Map.of("Ref", logicalId(this.stack.queues().queue())));
		assertThat(outputs.get("ConsumeLogGroup").get("Value"))
			.isEqualTo(Map.of("Ref", logGroup(ContainerService.CONSUME)));
	}

	private String xrayStatement() {
		return XRAY_ACTIONS.stream().sorted().toList() + " on *";
	}

	private String queue() {
		return ref(logicalId(this.stack.queues().queue()));
	}

	private List<String> taskRoleStatements(ContainerService spec) {
		return roleStatements(taskRole(spec));
	}

	// Every statement of every policy attached to the role, as "[sorted actions] on
	// resource".
	private List<String> roleStatements(String role) {
		List<String> statements = new ArrayList<>();
		resources(this.template, "AWS::IAM::Policy").values()
			.stream()
			.map(StackTemplates::properties)
			.filter((
					policy) -> strings(((List<?>) policy.get("Roles")).stream().map(StackTemplates::reference).toList())
						.contains(ref(role)))
			.forEach((policy) -> statementsOf(policy).forEach((statement) -> {
				assertThat(statement).containsEntry("Effect", "Allow");
				statements.add(strings(statement.get("Action")).stream().sorted().toList() + " on "
						+ reference(statement.get("Resource")));
			}));
		return statements;
	}

	private List<Map<String, Object>> allStatements() {
		List<Map<String, Object>> statements = new ArrayList<>();
		resources(this.template, "AWS::IAM::Policy").values()
			.forEach((policy) -> statements.addAll(statementsOf(properties(policy))));
		return statements;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> statementsOf(Map<String, Object> policy) {
		return (List<Map<String, Object>>) map(policy.get("PolicyDocument")).get("Statement");
	}

	// Rules of one direction, inline in the security groups or separate resources, as
	// "group protocol ports peer".
	private List<String> rules(String ruleType, String inlineKey, String peerGroupKey) {
		List<String> rules = new ArrayList<>();
		resources(this.template, "AWS::EC2::SecurityGroup").forEach((id, group) -> {
			Object inline = properties(group).get(inlineKey);
			if (inline != null) {
				((List<?>) inline).forEach((rule) -> rules.add(rule(ref(id), map(rule), peerGroupKey)));
			}
		});
		resources(this.template, ruleType).values()
			.stream()
			.map(StackTemplates::properties)
			.forEach((rule) -> rules.add(rule(reference(rule.get("GroupId")), rule, peerGroupKey)));
		return rules;
	}

	private static String rule(String group, Map<String, Object> rule, String peerGroupKey) {
		Object peer = rule.containsKey("CidrIp") ? rule.get("CidrIp") : reference(rule.get(peerGroupKey));
		return group + " " + rule.get("IpProtocol") + " " + rule.get("FromPort") + "-" + rule.get("ToPort") + " "
				+ peer;
	}

	private String targetGroupId() {
		return resources(this.template, "AWS::ElasticLoadBalancingV2::TargetGroup").keySet().iterator().next();
	}

	private Map<String, Object> service(ContainerService spec) {
		return properties(resources(this.template, "AWS::ECS::Service").get(serviceId(spec)));
	}

	private String serviceId(ContainerService spec) {
		return logicalId(this.stack.service(spec).service());
	}

	private String securityGroup(ContainerService spec) {
		return ref(logicalId(this.stack.service(spec).securityGroup()));
	}

	private String taskRole(ContainerService spec) {
		return logicalId(this.stack.service(spec).taskRole());
	}

	private String logGroup(ContainerService spec) {
		return logicalId(this.stack.service(spec).logGroup());
	}

	private String executionRole(ContainerService spec) {
		return reference(taskDefinition(spec).get("ExecutionRoleArn")).substring("ref:".length());
	}

	private String scalableTargetOf(ContainerService spec) {
		return resources(this.template, "AWS::ApplicationAutoScaling::ScalableTarget").entrySet()
			.stream()
			.filter((target) -> String.valueOf(properties(target.getValue()).get("ResourceId"))
				.contains(serviceId(spec)))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
	}

	private Map<String, Object> taskDefinition(ContainerService spec) {
		String taskRoleArn = ref(taskRole(spec));
		return resources(this.template, "AWS::ECS::TaskDefinition").values()
			.stream()
			.map(StackTemplates::properties)
			.filter((definition) -> reference(definition.get("TaskRoleArn")).equals(taskRoleArn))
			.findFirst()
			.orElseThrow();
	}

	private Map<String, Object> container(ContainerService spec, String name) {
		return ((List<?>) taskDefinition(spec).get("ContainerDefinitions")).stream()
			.map(ContainersStackTests::map)
			.filter((container) -> name.equals(container.get("Name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No container " + name + " in the task of " + spec));
	}

	private Map<String, Object> environment(ContainerService spec) {
		return environmentOf(container(spec, spec.serviceName()));
	}

	private static Map<String, Object> environmentOf(Map<String, Object> container) {
		Map<String, Object> environment = new LinkedHashMap<>();
		Object variables = container.get("Environment");
		if (variables != null) {
			((List<?>) variables).stream()
				.map(ContainersStackTests::map)
				.forEach((variable) -> environment.put(String.valueOf(variable.get("Name")), variable.get("Value")));
		}
		return environment;
	}

	private String logicalId(IConstruct construct) {
		IConstruct element = (construct instanceof CfnElement) ? construct : construct.getNode().getDefaultChild();
		return this.stack.getLogicalId((CfnElement) element);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
