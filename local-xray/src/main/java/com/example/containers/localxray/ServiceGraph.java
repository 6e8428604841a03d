package com.example.containers.localxray;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the service map of a set of traces in the shape of the X-Ray
 * {@code GetServiceGraph} answer: a node per service, AWS resource and caller, with edges
 * from caller to callee.
 * <p>
 * An edge into a service comes from the segment or subsegment named by its segment's
 * parent id: a client when the parent is not in the trace, an AWS resource when the
 * parent is an AWS subsegment (such as main's SQS {@code SendMessage}), otherwise the
 * service of the parent.
 */
public class ServiceGraph {

	private static final String CLIENT = "client";

	private final Map<String, Node> nodes = new LinkedHashMap<>();

	/**
	 * Adds the segments of traces to the graph.
	 * @param traces the traces
	 * @return this graph
	 */
	public ServiceGraph addAll(List<TraceView> traces) {
		traces.forEach(this::add);
		return this;
	}

	/**
	 * The graph as the {@code Services} array of {@code GetServiceGraph}.
	 * @return the services, each with its edges
	 */
	public ArrayNode toJson() {
		ArrayNode services = Documents.MAPPER.createArrayNode();
		this.nodes.values().forEach((node) -> services.add(node.toJson()));
		return services;
	}

	private void add(TraceView trace) {
		for (ObjectNode segment : trace.segments()) {
			Node service = node(Documents.text(segment, "name"), serviceType(segment));
			service.stats.add(segment);
			caller(trace, segment).edgeTo(service, segment);
			for (ObjectNode subsegment : Documents.subsegments(segment)) {
				Documents.walk(subsegment, (node) -> addDownstream(trace, service, node));
			}
		}
	}

	private Node caller(TraceView trace, ObjectNode segment) {
		String parentId = Documents.text(segment, "parent_id");
		ObjectNode parent = (parentId != null) ? trace.node(parentId).orElse(null) : null;
		if (parent == null) {
			node(Documents.text(segment, "name"), serviceType(segment)).root = true;
			return node(CLIENT, CLIENT);
		}
		if (isAws(parent)) {
			return awsNode(parent);
		}
		ObjectNode parentSegment = trace.segmentOf(parentId).orElseThrow();
		return node(Documents.text(parentSegment, "name"), serviceType(parentSegment));
	}

	private void addDownstream(TraceView trace, Node service, ObjectNode subsegment) {
		Node downstream = null;
		if (isAws(subsegment)) {
			downstream = awsNode(subsegment);
		}
		else if ("remote".equals(Documents.text(subsegment, "namespace")) && !hasChildSegment(trace, subsegment)) {
			downstream = node(Documents.text(subsegment, "name"), "remote");
		}
		if (downstream != null) {
			downstream.stats.add(subsegment);
			service.edgeTo(downstream, subsegment);
		}
	}

	private static boolean hasChildSegment(TraceView trace, ObjectNode subsegment) {
		String id = Documents.text(subsegment, "id");
		return trace.segments().stream().anyMatch((segment) -> id.equals(Documents.text(segment, "parent_id")));
	}

	private static boolean isAws(ObjectNode node) {
		return "aws".equals(Documents.text(node, "namespace"));
	}

	private Node awsNode(ObjectNode subsegment) {
		String name = Objects.requireNonNullElse(Documents.text(subsegment, "name"), "AWS");
		String queueUrl = Documents.text(subsegment.path("aws"), "queue_url");
		if (queueUrl != null) {
			return node(queueName(queueUrl), "AWS::SQS::Queue");
		}
		String table = Documents.text(subsegment.path("aws"), "table_name");
		if (table != null) {
			return node(table, "AWS::DynamoDB::Table");
		}
		return node(name, "AWS::" + name);
	}

	private static String queueName(String queueUrl) {
		String path = URI.create(queueUrl).getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static String serviceType(ObjectNode segment) {
		return Objects.requireNonNullElse(Documents.text(segment, "origin"), "service");
	}

	private Node node(String name, String type) {
		return this.nodes.computeIfAbsent(type + "|" + name, (key) -> new Node(this.nodes.size(), name, type));
	}

	private static final class Node {

		private final int referenceId;

		private final String name;

		private final String type;

		private final Statistics stats = new Statistics();

		private final Map<Integer, Statistics> edges = new LinkedHashMap<>();

		private boolean root;

		Node(int referenceId, String name, String type) {
			this.referenceId = referenceId;
			this.name = name;
			this.type = type;
		}

		void edgeTo(Node target, ObjectNode call) {
			this.edges.computeIfAbsent(target.referenceId, (id) -> new Statistics()).add(call);
		}

		ObjectNode toJson() {
			ObjectNode json = Documents.MAPPER.createObjectNode();
			json.put("ReferenceId", this.referenceId);
			json.put("Name", this.name);
			json.putArray("Names").add(this.name);
			json.put("Root", this.root);
			json.put("Type", this.type);
			json.put("State", "active");
			this.stats.putTimes(json);
			ArrayNode edges = json.putArray("Edges");
			this.edges.forEach((target, statistics) -> edges.add(edge(target, statistics)));
			json.set("SummaryStatistics", this.stats.toJson());
			json.putArray("DurationHistogram");
			json.putArray("ResponseTimeHistogram");
			return json;
		}

		private static ObjectNode edge(int target, Statistics statistics) {
			ObjectNode edge = Documents.MAPPER.createObjectNode();
			edge.put("ReferenceId", target);
			statistics.putTimes(edge);
			edge.set("SummaryStatistics", statistics.toJson());
			edge.putArray("ResponseTimeHistogram");
			edge.putArray("Aliases");
			return edge;
		}

	}

	private static final class Statistics {

		private long ok;

		private long errors;

		private long throttles;

		private long faults;

		private double totalResponseTime;

		private double startTime = Double.NaN;

		private double endTime = Double.NaN;

		void add(ObjectNode call) {
			if (Documents.flag(call, "fault")) {
				this.faults++;
			}
			else if (Documents.flag(call, "throttle")) {
				this.throttles++;
			}
			else if (Documents.flag(call, "error")) {
				this.errors++;
			}
			else {
				this.ok++;
			}
			double start = Documents.number(call, "start_time");
			double end = Documents.number(call, "end_time");
			end = Double.isNaN(end) ? start : end;
			this.totalResponseTime += end - start;
			this.startTime = Double.isNaN(this.startTime) ? start : Math.min(this.startTime, start);
			this.endTime = Double.isNaN(this.endTime) ? end : Math.max(this.endTime, end);
		}

		void putTimes(ObjectNode json) {
			if (!Double.isNaN(this.startTime)) {
				json.put("StartTime", Documents.seconds(this.startTime));
				json.put("EndTime", Documents.seconds(this.endTime));
			}
		}

		ObjectNode toJson() {
			ObjectNode json = Documents.MAPPER.createObjectNode();
			json.put("OkCount", this.ok);
			ObjectNode errorStatistics = json.putObject("ErrorStatistics");
			errorStatistics.put("ThrottleCount", this.throttles);
			errorStatistics.put("OtherCount", this.errors);
			errorStatistics.put("TotalCount", this.errors + this.throttles);
			ObjectNode faultStatistics = json.putObject("FaultStatistics");
			faultStatistics.put("OtherCount", this.faults);
			faultStatistics.put("TotalCount", this.faults);
			json.put("TotalCount", this.ok + this.errors + this.throttles + this.faults);
			json.put("TotalResponseTime", Documents.seconds(this.totalResponseTime));
			return json;
		}

	}

}
