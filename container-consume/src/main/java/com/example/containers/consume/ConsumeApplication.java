package com.example.containers.consume;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Consumes the SQS FIFO queue: each message group in order, groups in parallel.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsumeApplication {

	public static void main(String[] args) {
		SpringApplication.run(ConsumeApplication.class, args);
	}

}
