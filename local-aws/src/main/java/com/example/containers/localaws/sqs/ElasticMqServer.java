package com.example.containers.localaws.sqs;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.example.containers.localaws.LocalAwsProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the embedded ElasticMQ, a real SQS endpoint that the AWS SDK and the AWS CLI speak
 * to, for as long as local-aws runs.
 */
@Component
public class ElasticMqServer implements SmartLifecycle {

	/** Started before the queues are created and stopped after the web server. */
	public static final int PHASE = Integer.MIN_VALUE + 1000;

	private static final Logger log = LoggerFactory.getLogger(ElasticMqServer.class);

	private final LocalAwsProperties.Sqs properties;

	private volatile SQSRestServer server;

	public ElasticMqServer(LocalAwsProperties properties) {
		this.properties = properties.sqs();
	}

	@Override
	public void start() {
		NodeAddress address = new NodeAddress("http", this.properties.hostname(), this.properties.port(), "");
		this.server = SQSRestServerBuilder.withInterface(this.properties.bindAddress())
			.withPort(this.properties.port())
			.withServerAddress(address)
			.withAWSRegion(this.properties.region())
			.start();
		this.server.waitUntilStarted();
		log.info("ElasticMQ is listening on {}:{}, reachable as {}", this.properties.bindAddress(),
				this.properties.port(), this.properties.endpoint());
	}

	@Override
	public void stop() {
		SQSRestServer running = this.server;
		this.server = null;
		if (running != null) {
			running.stopAndWait();
			log.info("ElasticMQ stopped");
		}
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
