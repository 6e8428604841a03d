package com.example.containers.main.sqs;

import java.net.URI;

import com.example.containers.main.MainProperties;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The SQS client container-main sends with. Credentials come from the AWS SDK's default chain
 * (the task role on ECS); the endpoint is overridden only to
 * reach a local SQS such as ElasticMQ.
 */
@Configuration(proxyBeanMethods = false)
public class SqsConfiguration {

	@Bean(destroyMethod = "close")
	SqsClient sqsClient(MainProperties properties) {
		MainProperties.Sqs sqs = properties.sqs();
		SqsClientBuilder builder = SqsClient.builder()
			.region(Region.of(sqs.region()))
			.overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(sqs.apiCallTimeout()).build());
		if (StringUtils.hasText(sqs.endpoint())) {
			builder.endpointOverride(URI.create(sqs.endpoint()));
		}
		return builder.build();
	}

}
