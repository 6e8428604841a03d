package com.example.containers.localaws;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The AWS pieces the system needs on a laptop, in one process: an SQS-compatible
 * ElasticMQ with the FIFO queue and its dead-letter queue created, and an X-Ray daemon
 * stand-in with a trace viewer.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalAwsApplication {

	public static void main(String[] args) {
		SpringApplication.run(LocalAwsApplication.class, args);
	}

}
