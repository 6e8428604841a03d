package com.example.containers.deploy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CloudMapOptions;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerDependency;
import software.amazon.awscdk.services.ecs.ContainerDependencyCondition;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.Protocol;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One service of the system on Fargate: its own task role, security group and log group,
 * and a task of the service's container with the X-Ray daemon beside it, which receives
 * the segments on 127.0.0.1:2000.
 */
public final class TracedFargateService extends Construct {

	/** Name of the sidecar container in every task. */
	public static final String XRAY_DAEMON_CONTAINER = "xray-daemon";

	/**
	 * Where the services send segments: the daemon in the same task, which shares the
	 * network namespace.
	 */
	public static final String XRAY_DAEMON_ADDRESS = "127.0.0.1:2000";

	/**
	 * The X-Ray actions the SDKs and the daemon call; X-Ray supports no resource-level
	 * permissions for them.
	 */
	public static final List<String> XRAY_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords",
			"xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries");

	/**
	 * Time between SIGTERM and SIGKILL. The services drain for up to 20 s per shutdown
	 * phase (spring.lifecycle.timeout-per-shutdown-phase), so 60 s leaves room for the
	 * web server and the SQS listener.
	 */
	public static final Duration STOP_TIMEOUT = Duration.seconds(60);

	/** The health endpoint of every service. */
	public static final String HEALTH_PATH = "/actuator/health";

	/** How long the logs are kept. */
	public static final RetentionDays LOG_RETENTION = RetentionDays.ONE_WEEK;

	/**
	 * Fargate task size: half a vCPU lets a Spring Boot service start in seconds rather
	 * than a minute.
	 */
	static final int TASK_CPU = 512;

	static final int TASK_MEMORY_MIB = 1024;

	static final int XRAY_DAEMON_MEMORY_MIB = 64;

	/** The service container's own limit, which the JVM sizes its heap from. */
	static final int SERVICE_MEMORY_MIB = TASK_MEMORY_MIB - XRAY_DAEMON_MEMORY_MIB;

	private static final int HTTPS = 443;

	private final ContainerService spec;

	private final LogGroup logGroup;

	private final Role taskRole;

	private final SecurityGroup securityGroup;

	private final FargateService service;

	/**
	 * Creates the service and everything it owns.
	 * @param scope the parent construct
	 * @param spec which service this is
	 * @param options what the service runs and where
	 */
	public TracedFargateService(Construct scope, ContainerService spec, Options options) {
		super(scope, spec.constructId());
		this.spec = spec;
		this.logGroup = createLogGroup();
		this.taskRole = createTaskRole();
		this.securityGroup = createSecurityGroup(options.cluster());
		FargateTaskDefinition taskDefinition = createTaskDefinition();
		ContainerDefinition xray = addXRayDaemon(taskDefinition, options.xrayDaemonImage());
		addServiceContainer(taskDefinition, options).addContainerDependencies(
				ContainerDependency.builder().container(xray).condition(ContainerDependencyCondition.START).build());
		this.service = createService(taskDefinition, options);
	}

	/** Which service this is. */
	public ContainerService spec() {
		return this.spec;
	}

	/** The log group of the service's container and of its X-Ray daemon. */
	public LogGroup logGroup() {
		return this.logGroup;
	}

	/** The role the service's code and its X-Ray daemon act as. */
	public Role taskRole() {
		return this.taskRole;
	}

	/** The security group of the service's tasks: no ingress unless the stack adds it. */
	public SecurityGroup securityGroup() {
		return this.securityGroup;
	}

	/** The ECS service. */
	public FargateService service() {
		return this.service;
	}

	/**
	 * Allows the task role one more statement; the stack adds the queue permissions
	 * through it.
	 */
	public void allow(PolicyStatement statement) {
		this.taskRole.addToPrincipalPolicy(statement);
	}

	private LogGroup createLogGroup() {
		return LogGroup.Builder.create(this, "Logs")
			.logGroupName("/ecs/" + Stack.of(this).getStackName() + "/" + this.spec.serviceName())
			.retention(LOG_RETENTION)
			.removalPolicy(RemovalPolicy.DESTROY)
			.build();
	}

	// The source-account condition keeps another account's ECS from assuming the role
	// (confused deputy).
	private Role createTaskRole() {
		Role role = Role.Builder.create(this, "TaskRole")
			.assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com")
				.withConditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))))
			.description("Task role of " + this.spec.serviceName() + ": its own queue actions and X-Ray only")
			.build();
		role.addToPrincipalPolicy(PolicyStatement.Builder.create()
			.sid("XRayWrite")
			.actions(XRAY_ACTIONS)
			.resources(List.of("*"))
			.build());
		return role;
	}

	// Outbound HTTPS only: ECR, CloudWatch Logs, SQS and X-Ray. DNS and the task
	// metadata and credential endpoints are link-local and not filtered by security
	// groups.
	private SecurityGroup createSecurityGroup(ICluster cluster) {
		SecurityGroup group = SecurityGroup.Builder.create(this, "SecurityGroup")
			.vpc(cluster.getVpc())
			.description("Tasks of " + this.spec.serviceName())
			.allowAllOutbound(false)
			.build();
		group.addEgressRule(Peer.anyIpv4(), Port.tcp(HTTPS), "HTTPS to AWS APIs and image registries");
		return group;
	}

	private FargateTaskDefinition createTaskDefinition() {
		return FargateTaskDefinition.Builder.create(this, "TaskDefinition")
			.family(Stack.of(this).getStackName() + "-" + this.spec.serviceName())
			.cpu(TASK_CPU)
			.memoryLimitMiB(TASK_MEMORY_MIB)
			.taskRole(this.taskRole)
			.runtimePlatform(RuntimePlatform.builder()
				.operatingSystemFamily(OperatingSystemFamily.LINUX)
				.cpuArchitecture(CpuArchitecture.X86_64)
				.build())
			.build();
	}

	// Not essential: losing traces must not stop the service. The service container
	// depends on it, so ECS starts the daemon first and stops it last, after the
	// service has sent its final segments.
	private ContainerDefinition addXRayDaemon(FargateTaskDefinition taskDefinition, ContainerImage image) {
		return taskDefinition.addContainer(XRAY_DAEMON_CONTAINER,
				ContainerDefinitionOptions.builder()
					.containerName(XRAY_DAEMON_CONTAINER)
					.image(image)
					.essential(false)
					.cpu(32)
					.memoryReservationMiB(XRAY_DAEMON_MEMORY_MIB)
					.environment(Map.of("AWS_REGION", Aws.REGION))
					.logging(logDriver("xray"))
					.build());
	}

	private ContainerDefinition addServiceContainer(FargateTaskDefinition taskDefinition, Options options) {
		return taskDefinition.addContainer(this.spec.serviceName(), ContainerDefinitionOptions.builder()
			.containerName(this.spec.serviceName())
			.image(options.image())
			.essential(true)
			.portMappings(List
				.of(PortMapping.builder().containerPort(this.spec.port()).protocol(Protocol.TCP).name("http").build()))
			.memoryLimitMiB(SERVICE_MEMORY_MIB)
			.environment(environment(options.environment()))
			.healthCheck(healthCheck())
			.logging(logDriver(this.spec.serviceName()))
			.stopTimeout(STOP_TIMEOUT)
			.build());
	}

	// ECS ignores the Dockerfile's HEALTHCHECK, so the task states it again; the
	// service images ship curl.
	private HealthCheck healthCheck() {
		String url = "http://127.0.0.1:" + this.spec.port() + HEALTH_PATH;
		return HealthCheck.builder()
			.command(List.of("CMD", "curl", "--fail", "--silent", "--max-time", "2", "--output", "/dev/null", url))
			.interval(Duration.seconds(10))
			.timeout(Duration.seconds(3))
			.retries(3)
			.startPeriod(Duration.seconds(60))
			.build();
	}

	private Map<String, String> environment(Map<String, String> serviceEnvironment) {
		Map<String, String> environment = new TreeMap<>(serviceEnvironment);
		environment.put("AWS_REGION", Aws.REGION);
		environment.put("AWS_XRAY_DAEMON_ADDRESS", XRAY_DAEMON_ADDRESS);
		environment.put("AWS_XRAY_TRACING_NAME", this.spec.serviceName());
		return environment;
	}

	private LogDriver logDriver(String streamPrefix) {
		return LogDriver
			.awsLogs(AwsLogDriverProps.builder().logGroup(this.logGroup).streamPrefix(streamPrefix).build());
	}

	// Public subnets with a public IP reach ECR and the AWS APIs without a NAT gateway;
	// the security group admits nothing the stack does not add, so the address accepts
	// no connection.
	private FargateService createService(FargateTaskDefinition taskDefinition, Options options) {
		return FargateService.Builder.create(this, "Service")
			.cluster(options.cluster())
			.taskDefinition(taskDefinition)
			.desiredCount(1)
			.minHealthyPercent(100)
			.maxHealthyPercent(200)
			.assignPublicIp(true)
			.vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
			.securityGroups(List.of(this.securityGroup))
			.circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
			.cloudMapOptions(options.cloudMap())
			.healthCheckGracePeriod(options.healthCheckGracePeriod())
			.build();
	}

	/**
	 * What a service runs and where.
	 *
	 * @param cluster the cluster, whose VPC the tasks run in
	 * @param image the service's image
	 * @param xrayDaemonImage the X-Ray daemon's image
	 * @param environment the service's own environment variables; region and X-Ray
	 * settings are added
	 * @param cloudMap the Cloud Map registration, or {@code null} for a service nothing
	 * calls by name
	 * @param healthCheckGracePeriod the start-up time load balancer health checks are
	 * ignored, or {@code null} without a load balancer
	 */
	public record Options(ICluster cluster, ContainerImage image, ContainerImage xrayDaemonImage,
			Map<String, String> environment, CloudMapOptions cloudMap, Duration healthCheckGracePeriod) {
	}

}
