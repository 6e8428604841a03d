package com.example.containers.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.containers.deploy.ContainerService;
import com.example.containers.deploy.ContainersStack;
import com.example.containers.deploy.DeploySettings;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

import static com.example.containers.compose.EcsComposeFile.asMap;
import static com.example.containers.compose.EcsComposeFile.map;
import static com.example.containers.compose.EcsComposeFile.strings;

/**
 * The deploy module's stack, synthesized offline with image URIs as a CI pipeline passes
 * them (so no image is built), and the parts of its template the Compose ECS file is
 * compared with.
 */
final class SynthesizedStack {

	private final ContainersStack stack;

	private final Template template;

	private SynthesizedStack(ContainersStack stack) {
		this.stack = stack;
		this.template = Template.fromStack(stack);
	}

	static SynthesizedStack synthesize(Path outdir) {
		Map<String, Object> context = new HashMap<>();
		for (ContainerService service : ContainerService.values()) {
			context.put(service.imageContextKey(),
					"123456789012.dkr.ecr.eu-west-1.amazonaws.com/aws-containers/" + service.serviceName() + ":1.0.0");
		}
		App app = new App(AppProps.builder().context(context).outdir(outdir.toString()).build());
		return new SynthesizedStack(new ContainersStack(app, ContainersStack.STACK_NAME, StackProps.builder().build(),
				DeploySettings.fromContext(app.getNode())));
	}

	ContainersStack stack() {
		return this.stack;
	}

	/** The properties of every resource of a type, by logical id. */
	Map<String, Map<String, Object>> properties(String type) {
		Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
		this.template.findResources(type).forEach((id, resource) -> properties.put(id, map(resource, "Properties")));
		return properties;
	}

	/** The properties of the resource a construct stands for. */
	Map<String, Object> properties(String type, IConstruct construct) {
		Map<String, Object> properties = properties(type).get(logicalId(construct));
		if (properties == null) {
			throw new IllegalArgumentException("No " + type + " " + construct.getNode().getPath());
		}
		return properties;
	}

	String logicalId(IConstruct construct) {
		IConstruct element = (construct instanceof CfnElement) ? construct : construct.getNode().getDefaultChild();
		return this.stack.getLogicalId((CfnElement) element);
	}

	/**
	 * The container of a service in its task definition (not its X-Ray daemon sidecar).
	 */
	Map<String, Object> serviceContainer(ContainerService service) {
		return containers(service).stream()
			.filter((container) -> service.serviceName().equals(container.get("Name")))
			.findFirst()
			.orElseThrow();
	}

	/** The names of the containers of a service's task. */
	List<String> containerNames(ContainerService service) {
		return containers(service).stream().map((container) -> String.valueOf(container.get("Name"))).toList();
	}

	/** Every action the policies attached to a service's task role allow. */
	List<String> taskRoleActions(ContainerService service) {
		String role = logicalId(this.stack.service(service).taskRole());
		List<String> actions = new ArrayList<>();
		for (Map<String, Object> policy : properties("AWS::IAM::Policy").values()) {
			if (((List<?>) policy.get("Roles")).contains(Map.of("Ref", role))) {
				for (Object statement : (List<?>) map(policy, "PolicyDocument").get("Statement")) {
					actions.addAll(strings(asMap(statement).get("Action")));
				}
			}
		}
		return actions;
	}

	private List<Map<String, Object>> containers(ContainerService service) {
		Object taskRole = Map.of("Fn::GetAtt", List.of(logicalId(this.stack.service(service).taskRole()), "Arn"));
		return properties("AWS::ECS::TaskDefinition").values()
			.stream()
			.filter((definition) -> taskRole.equals(definition.get("TaskRoleArn")))
			.flatMap((definition) -> ((List<?>) definition.get("ContainerDefinitions")).stream())
			.map(EcsComposeFile::asMap)
			.toList();
	}

}
