package com.example.containers.systemtests;

import java.util.HashMap;
import java.util.Map;

/**
 * Where one run's local-aws listens, and the environment that points local-aws and the
 * services at it, as {@code run-local.sh} does on the fixed ports.
 *
 * @param sqsPort the port of the embedded ElasticMQ
 * @param xrayPort the port of the X-Ray stand-in: UDP for segments, TCP for its API
 */
record LocalAwsPorts(int sqsPort, int xrayPort) {

	static LocalAwsPorts free() {
		return new LocalAwsPorts(ServiceProcess.freePort(), ServiceProcess.freePort());
	}

	String sqsEndpoint() {
		return "http://localhost:" + this.sqsPort;
	}

	String queueUrl() {
		return sqsEndpoint() + "/000000000000/messages.fifo";
	}

	String deadLetterQueueUrl() {
		return sqsEndpoint() + "/000000000000/messages-dlq.fifo";
	}

	/**
	 * The environment of local-aws itself.
	 * @param more further variables, as name and value pairs
	 * @return the environment
	 */
	Map<String, String> localAwsEnvironment(String... more) {
		return with(Map.of("AWS_REGION", "us-east-1", "SQS_PORT", Integer.toString(this.sqsPort), "LOCAL_AWS_PORT",
				Integer.toString(this.xrayPort)), more);
	}

	/**
	 * The environment of a service that uses local-aws's queue and X-Ray stand-in, with
	 * the dummy credentials ElasticMQ takes.
	 * @param more further variables, as name and value pairs
	 * @return the environment
	 */
	Map<String, String> serviceEnvironment(String... more) {
		return with(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
				"SQS_ENDPOINT", sqsEndpoint(), "SQS_QUEUE_URL", queueUrl(), "AWS_XRAY_DAEMON_ADDRESS",
				"127.0.0.1:" + this.xrayPort), more);
	}

	private static Map<String, String> with(Map<String, String> base, String... pairs) {
		Map<String, String> all = new HashMap<>(base);
		for (int i = 0; i < pairs.length; i += 2) {
			all.put(pairs[i], pairs[i + 1]);
		}
		return all;
	}

}
