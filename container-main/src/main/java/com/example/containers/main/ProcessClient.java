package com.example.containers.main;

import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.amazonaws.xray.spring.aop.XRayEnabled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.example.containers.common.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Calls container-process over HTTP, within a connect and a read timeout, and turns its
 * failures into 502 (down or broken) and 504 (too slow) answers.
 */
@Component
@XRayEnabled
public class ProcessClient {

	private static final Logger log = LoggerFactory.getLogger(ProcessClient.class);

	private final RestClient restClient;

	private final MainProperties.Process properties;

	public ProcessClient(RestClient.Builder builder, MainProperties properties) {
		this.properties = properties.process();
		this.restClient = builder.baseUrl(this.properties.baseUrl().toString())
			.requestFactory(requestFactory(this.properties))
			.build();
	}

	/**
	 * Asks container-process for its data.
	 * @return what process answered in its {@code data} field
	 * @throws ApiException with status 502 or 504 when process cannot answer in time
	 */
	public String askProcess() {
		long started = System.nanoTime();
		try {
			ProcessResponse response = this.restClient.get().uri("/api/process").retrieve().body(ProcessResponse.class);
			if (response == null || response.data() == null) {
				throw badGateway("container-process answered without data", null);
			}
			return response.data();
		}
		catch (RestClientResponseException ex) {
			throw badGateway("container-process answered " + ex.getStatusCode().value(), ex);
		}
		catch (RestClientException ex) {
			throw failure(ex, Duration.ofNanos(System.nanoTime() - started));
		}
	}

	// A timeout strikes while waiting for the headers (a typed timeout exception) or
	// while reading a body that trickles in, where the client closes the stream and the
	// reader sees only "closed": a failure once the read timeout has passed is a
	// timeout.
	private ApiException failure(RestClientException ex, Duration took) {
		if (isTimeout(ex) || took.compareTo(this.properties.readTimeout()) >= 0) {
			log.warn("container-process did not answer within {}", this.properties.readTimeout());
			return new ApiException(HttpStatus.GATEWAY_TIMEOUT, "Upstream timeout",
					"container-process did not answer within " + this.properties.readTimeout().toMillis() + " ms", ex);
		}
		if (ex instanceof ResourceAccessException) {
			return badGateway("container-process at " + this.properties.baseUrl() + " could not be reached", ex);
		}
		return badGateway("container-process answered something unreadable", ex);
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static ApiException badGateway(String detail, Exception cause) {
		log.warn("{}: {}", detail, (cause != null) ? cause.getMessage() : "no cause");
		return new ApiException(HttpStatus.BAD_GATEWAY, "Upstream failure", detail, cause);
	}

	private static JdkClientHttpRequestFactory requestFactory(MainProperties.Process properties) {
		HttpClient httpClient = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
		factory.setReadTimeout(properties.readTimeout());
		return factory;
	}

	private record ProcessResponse(String data) {
	}

}
