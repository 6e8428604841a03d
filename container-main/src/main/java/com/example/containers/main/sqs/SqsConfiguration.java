package com.example.containers.main.sqs;

import java.net.URI;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.example.containers.common.tracing.SqsTracing;
import com.example.containers.main.MainProperties;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The SQS client container-main sends with, traced with X-Ray when tracing is on.
 * Credentials come from the AWS SDK's default chain (the task role on ECS); the endpoint
 * is overridden only to reach a local SQS such as ElasticMQ.
 */
@Configuration(proxyBeanMethods = false)
public class SqsConfiguration {

	@Bean(destroyMethod = "close")
	SqsClient sqsClient(MainProperties properties, ObjectProvider<AWSXRayRecorder> tracing) {
		MainProperties.Sqs sqs = properties.sqs();
		ClientOverrideConfiguration.Builder configuration = ClientOverrideConfiguration.builder()
			.apiCallTimeout(sqs.apiCallTimeout());
		if (tracing.getIfAvailable() != null) {
			// The X-Ray SDK's interceptor opens the SQS subsegment; the next one names
			// it as the parent in the message's AWSTraceHeader, so the order matters.
			configuration.addExecutionInterceptor(new TracingInterceptor())
				.addExecutionInterceptor(SqsTracing.traceHeaderInterceptor());
		}
		SqsClientBuilder builder = SqsClient.builder()
			.region(Region.of(sqs.region()))
			.overrideConfiguration(configuration.build());
		if (StringUtils.hasText(sqs.endpoint())) {
			builder.endpointOverride(URI.create(sqs.endpoint()));
		}
		return builder.build();
	}

}
