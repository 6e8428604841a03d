package com.example.containers.deploy;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: synthesizes the {@value ContainersStack#STACK_NAME} stack for the account
 * and region of the caller's AWS profile.
 */
public final class DeployApp {

	private DeployApp() {
	}

	/**
	 * Synthesizes the stack into the CDK CLI's output folder.
	 * @param args not used; choices come from CDK context
	 */
	public static void main(String[] args) {
		App app = new App();
		new ContainersStack(app, ContainersStack.STACK_NAME,
				StackProps.builder()
					.description("Spring Boot services on ECS Fargate with an SQS FIFO queue and X-Ray tracing")
					.build(),
				DeploySettings.fromContext(app.getNode()));
		app.synth();
	}

}
