package com.example.containers.consume;

import java.net.URI;

import io.awspring.cloud.autoconfigure.sqs.SqsAsyncClientCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Points spring-cloud-aws's SQS client at a local SQS such as ElasticMQ when an endpoint
 * is set. The region is {@code spring.cloud.aws.region.static}, from {@code AWS_REGION}.
 * Credentials come from the AWS SDK's default chain (the task role on ECS).
 */
@Configuration(proxyBeanMethods = false)
public class SqsConfiguration {

	@Bean
	SqsAsyncClientCustomizer sqsEndpointCustomizer(ConsumeProperties properties) {
		return (builder) -> {
			if (StringUtils.hasText(properties.endpoint())) {
				builder.endpointOverride(URI.create(properties.endpoint()));
			}
		};
	}

}
