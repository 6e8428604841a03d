package com.example.containers.localaws.xray;

import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.example.containers.localxray.Documents;
import com.example.containers.localxray.InvalidRequestException;
import com.example.containers.localxray.XrayApi;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The X-Ray API on the paths of the X-Ray REST-JSON protocol, so that the X-Ray SDKs
 * (sampling), the AWS SDK's {@code XRayClient} and the AWS CLI (trace queries) work
 * against local-aws.
 */
@RestController
public class XrayApiController {

	private static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

	private final XrayApi api;

	public XrayApiController(XrayApi api) {
		this.api = api;
	}

	@PostMapping("/GetSamplingRules")
	ResponseEntity<String> getSamplingRules(@RequestBody(required = false) String body) {
		return answer(body, (request) -> this.api.getSamplingRules());
	}

	@PostMapping("/SamplingTargets")
	ResponseEntity<String> getSamplingTargets(@RequestBody(required = false) String body) {
		return answer(body, this.api::getSamplingTargets);
	}

	@PostMapping("/TraceSummaries")
	ResponseEntity<String> getTraceSummaries(@RequestBody(required = false) String body) {
		return answer(body, this.api::getTraceSummaries);
	}

	@PostMapping("/Traces")
	ResponseEntity<String> batchGetTraces(@RequestBody(required = false) String body) {
		return answer(body, this.api::batchGetTraces);
	}

	@PostMapping("/ServiceGraph")
	ResponseEntity<String> getServiceGraph(@RequestBody(required = false) String body) {
		return answer(body, this.api::getServiceGraph);
	}

	// X-Ray names the error type in a header and in the body; the SDKs read either.
	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<String> invalidRequest(InvalidRequestException ex) {
		ObjectNode error = Documents.MAPPER.createObjectNode();
		error.put("__type", InvalidRequestException.ERROR_TYPE);
		error.put("message", ex.getMessage());
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.header(ERROR_TYPE_HEADER, InvalidRequestException.ERROR_TYPE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(error.toString());
	}

	private ResponseEntity<String> answer(String body, Function<JsonNode, ObjectNode> operation) {
		ObjectNode response = operation.apply(parse(body));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Documents.MAPPER.writeValueAsString(response));
	}

	private static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return Documents.MAPPER.createObjectNode();
		}
		try {
			JsonNode request = Documents.MAPPER.readTree(body);
			if (!request.isObject()) {
				throw new InvalidRequestException("The request body must be a JSON object");
			}
			return request;
		}
		catch (JacksonException ex) {
			throw new InvalidRequestException("The request body is not JSON: " + ex.getOriginalMessage());
		}
	}

}
