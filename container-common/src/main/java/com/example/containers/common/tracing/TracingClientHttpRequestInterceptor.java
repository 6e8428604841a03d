package com.example.containers.common.tracing;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Namespace;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.TraceHeader;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Records each outgoing HTTP call as a remote subsegment named after the host called, and
 * sends the trace header along so that the called service's segment becomes a child of
 * that subsegment. The X-Ray SDK instruments only Apache HttpClient 4, which Spring's
 * {@code RestClient} no longer supports, hence this interceptor.
 */
public class TracingClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	private final AWSXRayRecorder recorder;

	public TracingClientHttpRequestInterceptor(AWSXRayRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		if (this.recorder.getCurrentSegmentOptional().isEmpty()) {
			return execution.execute(request, body);
		}
		Subsegment subsegment = this.recorder.beginSubsegment(request.getURI().getHost());
		try {
			subsegment.setNamespace(Namespace.REMOTE.toString());
			subsegment.putHttp("request",
					Map.of("method", request.getMethod().name(), "url", request.getURI().toString()));
			request.getHeaders().set(TraceHeader.HEADER_KEY, TraceHeader.fromEntity(subsegment).toString());
			ClientHttpResponse response = execution.execute(request, body);
			recordResponse(subsegment, response.getStatusCode().value());
			return response;
		}
		catch (IOException | RuntimeException ex) {
			subsegment.addException(ex);
			throw ex;
		}
		finally {
			this.recorder.endSubsegment();
		}
	}

	private static void recordResponse(Subsegment subsegment, int status) {
		Map<String, Object> response = new HashMap<>();
		response.put("status", status);
		subsegment.putHttp("response", response);
		if (status == 429) {
			subsegment.setThrottle(true);
		}
		if (status >= 400 && status < 500) {
			subsegment.setError(true);
		}
		else if (status >= 500) {
			subsegment.setFault(true);
		}
	}

}
