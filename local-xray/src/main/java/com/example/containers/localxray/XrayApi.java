package com.example.containers.localxray;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The X-Ray API operations the stand-in answers, taking and returning the JSON bodies of
 * the X-Ray REST-JSON protocol, with timestamps in epoch seconds.
 */
public class XrayApi {

	private static final String ARN_PREFIX = "arn:aws:xray:%s:000000000000:sampling-rule/";

	private static final int SAMPLING_INTERVAL_SECONDS = 10;

	private final TraceStore store;

	private final SamplingRules samplingRules;

	private final String region;

	/**
	 * Creates the API over a store.
	 * @param store the traces to answer from
	 * @param samplingRules the rules to hand out
	 * @param region the region put into rule ARNs
	 */
	public XrayApi(TraceStore store, SamplingRules samplingRules, String region) {
		this.store = store;
		this.samplingRules = samplingRules;
		this.region = region;
	}

	/**
	 * {@code GetTraceSummaries}: the traces that started in a time range and match a
	 * filter expression, the most recent first, in one page.
	 * @param request the request body
	 * @return the response body
	 * @throws InvalidRequestException when the time range is missing or the filter
	 * expression is not supported
	 */
	public ObjectNode getTraceSummaries(JsonNode request) {
		double start = requiredTime(request, "StartTime");
		double end = requiredTime(request, "EndTime");
		boolean byTraceId = !"Event".equals(Documents.text(request, "TimeRangeType"));
		Predicate<TraceView> filter = filter(Documents.text(request, "FilterExpression"));
		List<TraceView> traces = this.store.traces();
		ObjectNode response = Documents.MAPPER.createObjectNode();
		ArrayNode summaries = response.putArray("TraceSummaries");
		for (TraceView trace : traces) {
			double time = byTraceId ? traceIdTime(trace) : trace.startTime();
			if (time >= start && time <= end && !trace.segments().isEmpty() && filter.test(trace)) {
				summaries.add(TraceSummaries.summary(trace));
			}
		}
		response.put("ApproximateTime", Documents.seconds(now()));
		response.put("TracesProcessedCount", traces.size());
		return response;
	}

	/**
	 * {@code BatchGetTraces}: the segment documents of traces, streamed subsegments put
	 * in place.
	 * @param request the request body with {@code TraceIds}
	 * @return the response body; ids the store does not hold are listed as unprocessed
	 */
	public ObjectNode batchGetTraces(JsonNode request) {
		JsonNode ids = request.get("TraceIds");
		if (ids == null || !ids.isArray()) {
			throw new InvalidRequestException("TraceIds is required and must be a list of trace ids");
		}
		ObjectNode response = Documents.MAPPER.createObjectNode();
		ArrayNode traces = response.putArray("Traces");
		ArrayNode unprocessed = response.putArray("UnprocessedTraceIds");
		for (JsonNode id : ids) {
			String traceId = id.isString() ? id.stringValue() : id.toString();
			this.store.trace(traceId)
				.ifPresentOrElse((trace) -> traces.add(traceJson(trace)), () -> unprocessed.add(traceId));
		}
		return response;
	}

	/**
	 * {@code GetServiceGraph}: the services, resources and callers of the traces that
	 * overlap a time range.
	 * @param request the request body
	 * @return the response body
	 */
	public ObjectNode getServiceGraph(JsonNode request) {
		double start = requiredTime(request, "StartTime");
		double end = requiredTime(request, "EndTime");
		List<TraceView> traces = new ArrayList<>();
		for (TraceView trace : this.store.traces()) {
			if (trace.startTime() <= end && trace.endTime() >= start) {
				traces.add(trace);
			}
		}
		ObjectNode response = Documents.MAPPER.createObjectNode();
		response.put("StartTime", Documents.seconds(start));
		response.put("EndTime", Documents.seconds(end));
		response.set("Services", new ServiceGraph().addAll(traces).toJson());
		response.put("ContainsOldGroupVersions", false);
		return response;
	}

	/**
	 * {@code GetSamplingRules}: the rules, all in one page.
	 * @return the response body
	 */
	public ObjectNode getSamplingRules() {
		ObjectNode response = Documents.MAPPER.createObjectNode();
		ArrayNode records = response.putArray("SamplingRuleRecords");
		for (SamplingRules.Rule rule : this.samplingRules.rules()) {
			ObjectNode record = records.addObject();
			record.set("SamplingRule", ruleJson(rule));
			record.put("CreatedAt", Documents.seconds(this.samplingRules.modifiedAt()));
			record.put("ModifiedAt", Documents.seconds(this.samplingRules.modifiedAt()));
		}
		return response;
	}

	/**
	 * {@code GetSamplingTargets}: for each rule an SDK reports on, the rate and the
	 * reservoir quota it may use, which are simply those of the rule since there is one
	 * client.
	 * @param request the request body with {@code SamplingStatisticsDocuments}
	 * @return the response body
	 */
	public ObjectNode getSamplingTargets(JsonNode request) {
		Map<String, SamplingRules.Rule> rules = this.samplingRules.byName();
		ObjectNode response = Documents.MAPPER.createObjectNode();
		ArrayNode targets = response.putArray("SamplingTargetDocuments");
		ArrayNode unprocessed = response.putArray("UnprocessedStatistics");
		double ttl = now() + SAMPLING_INTERVAL_SECONDS;
		for (JsonNode statistics : request.path("SamplingStatisticsDocuments")) {
			String name = Documents.text(statistics, "RuleName");
			SamplingRules.Rule rule = rules.get(name);
			if (rule == null) {
				ObjectNode problem = unprocessed.addObject();
				problem.put("RuleName", name);
				problem.put("ErrorCode", "400");
				problem.put("Message", "No sampling rule named " + name);
				continue;
			}
			ObjectNode target = targets.addObject();
			target.put("RuleName", name);
			target.put("FixedRate", rule.fixedRate());
			target.put("ReservoirQuota", rule.reservoirSize());
			target.put("ReservoirQuotaTTL", Documents.seconds(ttl));
			target.put("Interval", SAMPLING_INTERVAL_SECONDS);
		}
		response.put("LastRuleModification", Documents.seconds(this.samplingRules.modifiedAt()));
		return response;
	}

	private ObjectNode ruleJson(SamplingRules.Rule rule) {
		ObjectNode json = Documents.MAPPER.createObjectNode();
		json.put("RuleName", rule.name());
		json.put("RuleARN", ARN_PREFIX.formatted(this.region) + rule.name());
		json.put("ResourceARN", "*");
		json.put("Priority", rule.priority());
		json.put("FixedRate", rule.fixedRate());
		json.put("ReservoirSize", rule.reservoirSize());
		json.put("ServiceName", rule.serviceName());
		json.put("ServiceType", "*");
		json.put("Host", rule.host());
		json.put("HTTPMethod", rule.httpMethod());
		json.put("URLPath", rule.urlPath());
		json.put("Version", 1);
		json.putObject("Attributes");
		return json;
	}

	private static ObjectNode traceJson(TraceView trace) {
		ObjectNode json = Documents.MAPPER.createObjectNode();
		json.put("Id", trace.id());
		json.put("Duration", Documents.seconds(trace.duration()));
		json.put("LimitExceeded", false);
		ArrayNode segments = json.putArray("Segments");
		for (ObjectNode segment : trace.segments()) {
			ObjectNode entry = segments.addObject();
			entry.put("Id", Documents.text(segment, "id"));
			entry.put("Document", Documents.MAPPER.writeValueAsString(segment));
		}
		return json;
	}

	private static Predicate<TraceView> filter(String expression) {
		try {
			return FilterExpression.parse(expression);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(ex.getMessage());
		}
	}

	private static double requiredTime(JsonNode request, String field) {
		JsonNode value = request.get(field);
		if (value == null || value.isNull()) {
			throw new InvalidRequestException(field + " is required");
		}
		if (value.isNumber()) {
			return value.doubleValue();
		}
		try {
			String text = value.isString() ? value.stringValue() : value.toString();
			return text.matches("-?\\d+(\\.\\d+)?") ? Double.parseDouble(text)
					: Instant.parse(text).toEpochMilli() / 1000.0;
		}
		catch (RuntimeException ex) {
			throw new InvalidRequestException(field + " must be a timestamp in epoch seconds, not " + value);
		}
	}

	private static double traceIdTime(TraceView trace) {
		return Long.parseLong(trace.id().substring(2, 10), 16);
	}

	private static double now() {
		return System.currentTimeMillis() / 1000.0;
	}

	/**
	 * The {@code TraceSummary} shape of one trace.
	 */
	static final class TraceSummaries {

		private TraceSummaries() {
		}

		static ObjectNode summary(TraceView trace) {
			ObjectNode json = Documents.MAPPER.createObjectNode();
			json.put("Id", trace.id());
			json.put("StartTime", Documents.seconds(trace.startTime()));
			json.put("Duration", Documents.seconds(trace.duration()));
			json.put("ResponseTime", Documents.seconds(trace.responseTime()));
			json.put("HasFault", trace.hasFault());
			json.put("HasError", trace.hasError());
			json.put("HasThrottle", trace.hasThrottle());
			json.put("IsPartial", trace.isPartial());
			trace.root().ifPresent((root) -> json.set("Http", http(root)));
			json.set("Annotations", annotations(trace));
			json.putArray("Users");
			ArrayNode serviceIds = json.putArray("ServiceIds");
			serviceNames(trace).forEach((name) -> serviceIds.add(serviceId(name)));
			trace.root().ifPresent((root) -> json.set("EntryPoint", serviceId(Documents.text(root, "name"))));
			json.put("Revision", 1);
			return json;
		}

		private static ObjectNode http(ObjectNode root) {
			JsonNode request = root.path("http").path("request");
			ObjectNode http = Documents.MAPPER.createObjectNode();
			putText(http, "HttpURL", Documents.text(request, "url"));
			putText(http, "HttpMethod", Documents.text(request, "method"));
			putText(http, "UserAgent", Documents.text(request, "user_agent"));
			putText(http, "ClientIp", Documents.text(request, "client_ip"));
			JsonNode status = root.path("http").path("response").get("status");
			if (status != null && status.isNumber()) {
				http.put("HttpStatus", status.intValue());
			}
			return http;
		}

		private static ObjectNode annotations(TraceView trace) {
			Map<String, Map<String, ObjectNode>> values = new LinkedHashMap<>();
			for (ObjectNode segment : trace.segments()) {
				String service = Documents.text(segment, "name");
				Documents.walk(segment, (node) -> node.path("annotations").forEachEntry((key, value) -> {
					ObjectNode entry = values.computeIfAbsent(key, (k) -> new LinkedHashMap<>())
						.computeIfAbsent(value.toString(), (v) -> annotationEntry(value));
					entry.withArrayProperty("ServiceIds").add(serviceId(service));
				}));
			}
			ObjectNode json = Documents.MAPPER.createObjectNode();
			values.forEach((key, entries) -> json.putArray(key).addAll(entries.values()));
			return json;
		}

		private static ObjectNode annotationEntry(JsonNode value) {
			ObjectNode entry = Documents.MAPPER.createObjectNode();
			ObjectNode annotationValue = entry.putObject("AnnotationValue");
			if (value.isNumber()) {
				annotationValue.put("NumberValue", value.doubleValue());
			}
			else if (value.isBoolean()) {
				annotationValue.put("BooleanValue", value.booleanValue());
			}
			else {
				annotationValue.put("StringValue", value.isString() ? value.stringValue() : value.toString());
			}
			return entry;
		}

		// In the order the services took part, not the order their segments arrived in.
		private static Set<String> serviceNames(TraceView trace) {
			Set<String> names = new LinkedHashSet<>();
			trace.segments()
				.stream()
				.sorted(Comparator.comparingDouble((segment) -> segment.path("start_time").asDouble()))
				.forEach((segment) -> names.add(Documents.text(segment, "name")));
			return names;
		}

		private static ObjectNode serviceId(String name) {
			ObjectNode id = Documents.MAPPER.createObjectNode();
			id.put("Name", name);
			id.putArray("Names").add(name);
			return id;
		}

		private static void putText(ObjectNode json, String field, String value) {
			if (value != null) {
				json.put(field, value);
			}
		}

	}

}
