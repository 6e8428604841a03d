package com.example.containers.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes the stack for tests and reads the parts of its template the tests compare.
 */
final class StackTemplates {

	/** ECR image URIs as a CI pipeline passes them, so that no image is built. */
	static final Map<String, Object> ECR_IMAGES = Map.of("mainImage",
			"123456789012.dkr.ecr.eu-west-1.amazonaws.com/aws-containers/main:1.0.0", "processImage",
			"123456789012.dkr.ecr.eu-west-1.amazonaws.com/aws-containers/process:1.0.0", "consumeImage",
			"123456789012.dkr.ecr.eu-west-1.amazonaws.com/aws-containers/consume@sha256:"
					+ "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

	private StackTemplates() {
	}

	static ContainersStack synthesize(Map<String, Object> context, Path outdir) {
		App app = new App(AppProps.builder().context(context).outdir(outdir.toString()).build());
		return new ContainersStack(app, ContainersStack.STACK_NAME, StackProps.builder().build(),
				DeploySettings.fromContext(app.getNode()));
	}

	static Template template(ContainersStack stack) {
		return Template.fromStack(stack);
	}

	/** The resources of one type, by logical id. */
	static Map<String, Map<String, Object>> resources(Template template, String type) {
		return template.findResources(type);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> properties(Map<String, Object> resource) {
		return (Map<String, Object>) resource.get("Properties");
	}

	/**
	 * The logical id a {@code Ref} or {@code Fn::GetAtt} points to, or the value itself
	 * when it is a plain string.
	 */
	@SuppressWarnings("unchecked")
	static String reference(Object value) {
		if (value instanceof Map<?, ?> map) {
			if (map.containsKey("Ref")) {
				return "ref:" + map.get("Ref");
			}
			if (map.containsKey("Fn::GetAtt")) {
				return "ref:" + ((List<Object>) map.get("Fn::GetAtt")).get(0);
			}
		}
		return String.valueOf(value);
	}

	static String ref(String logicalId) {
		return "ref:" + logicalId;
	}

	/**
	 * A policy statement's actions as a list, whether the template holds one string or a
	 * list.
	 */
	static List<String> strings(Object value) {
		if (value instanceof Collection<?> collection) {
			List<String> result = new ArrayList<>();
			collection.forEach((item) -> result.add(String.valueOf(item)));
			return result;
		}
		return List.of(String.valueOf(value));
	}

	static int number(Object value) {
		return ((Number) value).intValue();
	}

}
