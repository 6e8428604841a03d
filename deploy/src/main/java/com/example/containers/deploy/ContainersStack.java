package com.example.containers.deploy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentType;
import software.amazon.awscdk.services.applicationautoscaling.BasicStepScalingPolicyProps;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.CloudMapOptions;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.LoadBalancerTargetOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddNetworkTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseNetworkListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.Protocol;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.servicediscovery.DnsRecordType;
import software.amazon.awscdk.services.servicediscovery.PrivateDnsNamespace;
import software.constructs.Construct;

/**
 * The whole system on AWS: main, process and consume as Fargate services in one cluster,
 * main behind a Network Load Balancer on port 8080, process found by main through Cloud
 * Map, and the FIFO queue with its dead-letter queue.
 */
public final class ContainersStack extends Stack {

	/** The stack name the app deploys under. */
	public static final String STACK_NAME = "AwsContainers";

	/** The port the load balancer listens on, the same as main's. */
	public static final int LISTENER_PORT = ContainerService.MAIN.port();

	/** The most tasks main and consume scale out to. */
	public static final int MAX_TASKS = 4;

	/** The average CPU main's scaling keeps its tasks at. */
	public static final int MAIN_CPU_TARGET_PERCENT = 60;

	private static final int AVAILABILITY_ZONES = 2;

	private final DeploySettings settings;

	private final ContainerImages images;

	private final MessageQueues queues;

	private final Map<ContainerService, TracedFargateService> services = new EnumMap<>(ContainerService.class);

	private final NetworkLoadBalancer loadBalancer;

	/**
	 * Creates the stack.
	 * @param scope the app
	 * @param id the stack id, also its name
	 * @param props the stack properties
	 * @param settings the choices read from context
	 */
	public ContainersStack(Construct scope, String id, StackProps props, DeploySettings settings) {
		super(scope, id, props);
		this.settings = settings;
		this.images = new ContainerImages(this, settings);
		Vpc vpc = createVpc();
		this.queues = new MessageQueues(this, "Messages");
		Cluster cluster = Cluster.Builder.create(this, "Cluster").vpc(vpc).build();
		PrivateDnsNamespace namespace = createNamespace(vpc);
		TracedFargateService process = createProcess(cluster, namespace);
		TracedFargateService main = createMain(cluster, process);
		TracedFargateService consume = createConsume(cluster);
		this.loadBalancer = createLoadBalancer(vpc, main);
		allowOnly(main, process);
		scaleMainOnCpu(main);
		scaleConsumeOnQueueDepth(consume, this.queues);
		addOutputs();
	}

	/** The URL main calls process at. */
	public static String processBaseUrl(String namespace) {
		return "http://" + ContainerService.PROCESS.serviceName() + "." + namespace + ":"
				+ ContainerService.PROCESS.port();
	}

	/** One of the three services. */
	public TracedFargateService service(ContainerService spec) {
		return this.services.get(spec);
	}

	/** The queue and its dead-letter queue. */
	public MessageQueues queues() {
		return this.queues;
	}

	/** The load balancer in front of main. */
	public NetworkLoadBalancer loadBalancer() {
		return this.loadBalancer;
	}

	// Public subnets only, in two zones: no NAT gateway to pay for. Nothing uses the
	// VPC's default security group, so it is left as AWS creates it rather than emptied
	// by a Lambda-backed custom resource.
	private Vpc createVpc() {
		return Vpc.Builder.create(this, "Vpc")
			.maxAzs(AVAILABILITY_ZONES)
			.natGateways(0)
			.restrictDefaultSecurityGroup(false)
			.subnetConfiguration(List
				.of(SubnetConfiguration.builder().name("Public").subnetType(SubnetType.PUBLIC).cidrMask(24).build()))
			.build();
	}

	private PrivateDnsNamespace createNamespace(Vpc vpc) {
		return PrivateDnsNamespace.Builder.create(this, "Namespace")
			.name(this.settings.namespace())
			.vpc(vpc)
			.description("Names the services of " + getStackName() + " call each other by")
			.build();
	}

	private TracedFargateService createProcess(Cluster cluster, PrivateDnsNamespace namespace) {
		CloudMapOptions cloudMap = CloudMapOptions.builder()
			.cloudMapNamespace(namespace)
			.name(ContainerService.PROCESS.serviceName())
			.dnsRecordType(DnsRecordType.A)
			.dnsTtl(Duration.seconds(10))
			.build();
		return service(ContainerService.PROCESS, cluster, Map.of(), cloudMap, null);
	}

	private TracedFargateService createMain(Cluster cluster, TracedFargateService process) {
		Map<String, String> environment = Map.of("SQS_QUEUE_URL", this.queues.queue().getQueueUrl(), "PROCESS_BASE_URL",
				processBaseUrl(this.settings.namespace()));
		TracedFargateService main = service(ContainerService.MAIN, cluster, environment, null, Duration.seconds(120));
		main.service().getNode().addDependency(process.service());
		main.allow(queueStatement("SendToQueue", "sqs:SendMessage"));
		return main;
	}

	// spring-cloud-aws resolves the queue (GetQueueUrl, GetQueueAttributes) before it
	// polls. Long polls of 20 s cost nothing on AWS, unlike on ElasticMQ.
	private TracedFargateService createConsume(Cluster cluster) {
		Map<String, String> environment = Map.of("SQS_QUEUE_URL", this.queues.queue().getQueueUrl(), "SQS_POLL_TIMEOUT",
				"20s");
		TracedFargateService consume = service(ContainerService.CONSUME, cluster, environment, null, null);
		consume.allow(queueStatement("ConsumeFromQueue", "sqs:ReceiveMessage", "sqs:DeleteMessage",
				"sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"));
		return consume;
	}

	private TracedFargateService service(ContainerService spec, Cluster cluster, Map<String, String> environment,
			CloudMapOptions cloudMap, Duration healthCheckGracePeriod) {
		TracedFargateService.Options options = new TracedFargateService.Options(cluster, this.images.service(spec),
				this.images.xrayDaemon(), environment, cloudMap, healthCheckGracePeriod);
		TracedFargateService service = new TracedFargateService(this, spec, options);
		this.services.put(spec, service);
		return service;
	}

	private PolicyStatement queueStatement(String sid, String... actions) {
		return PolicyStatement.Builder.create()
			.sid(sid)
			.actions(List.of(actions))
			.resources(List.of(this.queues.queue().getQueueArn()))
			.build();
	}

	// The load balancer has its own security group, the only one open to the internet.
	// Client IP preservation is off, so main's tasks see connections from the load
	// balancer's address, which their security group admits by the load balancer's
	// group and nothing else: a task's public IP accepts no connection.
	private NetworkLoadBalancer createLoadBalancer(Vpc vpc, TracedFargateService main) {
		SecurityGroup group = SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup")
			.vpc(vpc)
			.description("Network Load Balancer in front of main")
			.allowAllOutbound(false)
			.build();
		group.addIngressRule(Peer.anyIpv4(), Port.tcp(LISTENER_PORT), "Clients of main");
		NetworkLoadBalancer loadBalancer = NetworkLoadBalancer.Builder.create(this, "LoadBalancer")
			.vpc(vpc)
			.internetFacing(true)
			.vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
			.securityGroups(List.of(group))
			.crossZoneEnabled(true)
			.build();
		main.securityGroup().addIngressRule(group, Port.tcp(ContainerService.MAIN.port()), "From the load balancer");
		group.addEgressRule(main.securityGroup(), Port.tcp(ContainerService.MAIN.port()), "To main");
		addMainTarget(loadBalancer.addListener("Listener",
				BaseNetworkListenerProps.builder().port(LISTENER_PORT).protocol(Protocol.TCP).build()), main);
		return loadBalancer;
	}

	private static void addMainTarget(NetworkListener listener, TracedFargateService main) {
		listener.addTargets("Main",
				AddNetworkTargetsProps.builder()
					.port(ContainerService.MAIN.port())
					.protocol(Protocol.TCP)
					.preserveClientIp(false)
					.deregistrationDelay(Duration.seconds(30))
					.targets(List.of(main.service()
						.loadBalancerTarget(LoadBalancerTargetOptions.builder()
							.containerName(ContainerService.MAIN.serviceName())
							.containerPort(ContainerService.MAIN.port())
							.build())))
					.healthCheck(HealthCheck.builder()
						.protocol(Protocol.HTTP)
						.path(TracedFargateService.HEALTH_PATH)
						.healthyHttpCodes("200")
						.interval(Duration.seconds(10))
						.timeout(Duration.seconds(5))
						.healthyThresholdCount(2)
						.unhealthyThresholdCount(2)
						.build())
					.build());
	}

	private static void allowOnly(TracedFargateService main, TracedFargateService process) {
		int port = ContainerService.PROCESS.port();
		process.securityGroup().addIngressRule(main.securityGroup(), Port.tcp(port), "From main");
		main.securityGroup().addEgressRule(process.securityGroup(), Port.tcp(port), "To process");
	}

	private static void scaleMainOnCpu(TracedFargateService main) {
		main.service()
			.autoScaleTaskCount(EnableScalingProps.builder().minCapacity(1).maxCapacity(MAX_TASKS).build())
			.scaleOnCpuUtilization("CpuScaling",
					CpuUtilizationScalingProps.builder()
						.targetUtilizationPercent(MAIN_CPU_TARGET_PERCENT)
						.scaleOutCooldown(Duration.minutes(1))
						.scaleInCooldown(Duration.minutes(3))
						.build());
	}

	// A FIFO queue hands one group to one consumer at a time, so more tasks help only
	// with more groups waiting.
	private static void scaleConsumeOnQueueDepth(TracedFargateService consume, MessageQueues queues) {
		consume.service()
			.autoScaleTaskCount(EnableScalingProps.builder().minCapacity(1).maxCapacity(MAX_TASKS).build())
			.scaleOnMetric("QueueDepthScaling",
					BasicStepScalingPolicyProps.builder()
						.metric(queues.queue()
							.metricApproximateNumberOfMessagesVisible(
									MetricOptions.builder().period(Duration.minutes(1)).statistic("Maximum").build()))
						.scalingSteps(List.of(ScalingInterval.builder().upper(0).change(-1).build(),
								ScalingInterval.builder().lower(100).change(1).build(),
								ScalingInterval.builder().lower(1000).change(3).build()))
						.adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
						.cooldown(Duration.minutes(2))
						.build());
	}

	private void addOutputs() {
		String dnsName = this.loadBalancer.getLoadBalancerDnsName();
		String address = dnsName + ":" + LISTENER_PORT;
		output("LoadBalancerDnsName", dnsName, "DNS name of the load balancer");
		output("CurlPathTwo", "curl http://" + address + "/api/path-two", "Calls main, which calls process");
		output("CurlSendMessage", "curl -X POST -H 'Content-Type: application/json' -d '{\"message\":\"hello\"}' "
				+ "http://" + address + "/api/send-message", "Sends a message through main to the queue");
		output("QueueUrl", this.queues.queue().getQueueUrl(), "The FIFO queue");
		output("DeadLetterQueueUrl", this.queues.deadLetterQueue().getQueueUrl(), "Its dead-letter queue");
		this.services.values()
			.forEach((service) -> output(service.spec().constructId() + "LogGroup",
					service.logGroup().getLogGroupName(), "Logs of " + service.spec().serviceName()));
	}

	private void output(String id, String value, String description) {
		CfnOutput.Builder.create(this, id).value(value).description(description).build();
	}

}
