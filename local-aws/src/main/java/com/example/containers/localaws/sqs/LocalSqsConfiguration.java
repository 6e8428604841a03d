package com.example.containers.localaws.sqs;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import com.example.containers.localaws.LocalAwsProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SQS client local-aws talks to its own ElasticMQ with. ElasticMQ checks no
 * signature, so any key will do.
 */
@Configuration(proxyBeanMethods = false)
public class LocalSqsConfiguration {

	@Bean(destroyMethod = "close")
	SqsClient localSqsClient(LocalAwsProperties properties) {
		LocalAwsProperties.Sqs sqs = properties.sqs();
		return SqsClient.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + sqs.port()))
			.region(Region.of(sqs.region()))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.build();
	}

}
