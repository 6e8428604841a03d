package com.example.containers.main;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The public API of the system: answers HTTP, calls container-process and sends to the
 * SQS FIFO queue.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MainApplication {

	public static void main(String[] args) {
		SpringApplication.run(MainApplication.class, args);
	}

}
