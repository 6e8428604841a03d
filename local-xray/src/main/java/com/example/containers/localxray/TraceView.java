package com.example.containers.localxray;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import tools.jackson.databind.node.ObjectNode;

/**
 * One trace as read from the store: its segments, each with the subsegments that were
 * streamed separately put in place under their parents.
 */
public final class TraceView {

	private final String id;

	private final List<ObjectNode> segments;

	private final int orphans;

	private final Map<String, ObjectNode> nodesById = new HashMap<>();

	private final Map<String, ObjectNode> segmentOfNode = new HashMap<>();

	TraceView(String id, List<ObjectNode> segments, int orphans) {
		this.id = id;
		this.segments = List.copyOf(segments);
		this.orphans = orphans;
		for (ObjectNode segment : this.segments) {
			Documents.walk(segment, (node) -> {
				this.nodesById.put(Documents.text(node, "id"), node);
				this.segmentOfNode.put(Documents.text(node, "id"), segment);
			});
		}
	}

	/**
	 * The trace id.
	 * @return the id, {@code 1-<epoch hex>-<random hex>}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The segments, with their subsegments.
	 * @return the segment documents; callers must not change them
	 */
	public List<ObjectNode> segments() {
		return this.segments;
	}

	/**
	 * A segment or subsegment of this trace.
	 * @param nodeId the segment or subsegment id
	 * @return the document, or empty when the trace has none with that id
	 */
	public Optional<ObjectNode> node(String nodeId) {
		return Optional.ofNullable(this.nodesById.get(nodeId));
	}

	/**
	 * The segment that holds a segment or subsegment.
	 * @param nodeId the segment or subsegment id
	 * @return the segment, or empty when the trace has none with that id
	 */
	public Optional<ObjectNode> segmentOf(String nodeId) {
		return Optional.ofNullable(this.segmentOfNode.get(nodeId));
	}

	/**
	 * The segment where the trace entered the system: one whose parent is not in the
	 * trace, the earliest if there are several.
	 * @return the root segment, or empty when no segment arrived yet
	 */
	public Optional<ObjectNode> root() {
		return this.segments.stream()
			.filter((segment) -> !this.nodesById.containsKey(Documents.text(segment, "parent_id")))
			.min(Comparator.comparingDouble((segment) -> Documents.number(segment, "start_time")));
	}

	/**
	 * When the trace started.
	 * @return epoch seconds of the earliest segment, or of the trace id when no segment
	 * arrived
	 */
	public double startTime() {
		return this.segments.stream()
			.mapToDouble((segment) -> Documents.number(segment, "start_time"))
			.min()
			.orElse(Long.parseLong(this.id.substring(2, 10), 16));
	}

	/**
	 * When the trace ended, as far as is known.
	 * @return epoch seconds of the latest end, or start of a segment still in progress
	 */
	public double endTime() {
		return this.segments.stream().mapToDouble(TraceView::endOf).max().orElse(startTime());
	}

	/**
	 * How long the trace took, from its first start to its last end.
	 * @return seconds
	 */
	public double duration() {
		return endTime() - startTime();
	}

	/**
	 * How long the root segment took to answer.
	 * @return seconds, or the trace duration when there is no root segment
	 */
	public double responseTime() {
		return root().map((root) -> endOf(root) - Documents.number(root, "start_time")).orElse(duration());
	}

	/**
	 * Whether a segment recorded a server-side fault (5xx).
	 * @return {@code true} when one did
	 */
	public boolean hasFault() {
		return anySegment((segment) -> Documents.flag(segment, "fault"));
	}

	/**
	 * Whether a segment recorded a client error (4xx).
	 * @return {@code true} when one did
	 */
	public boolean hasError() {
		return anySegment((segment) -> Documents.flag(segment, "error"));
	}

	/**
	 * Whether a segment recorded throttling (429).
	 * @return {@code true} when one did
	 */
	public boolean hasThrottle() {
		return anySegment((segment) -> Documents.flag(segment, "throttle"));
	}

	/**
	 * Whether the trace is incomplete: something is still in progress, or a streamed
	 * subsegment waits for a parent that has not arrived.
	 * @return {@code true} when incomplete
	 */
	public boolean isPartial() {
		return this.orphans > 0
				|| this.nodesById.values().stream().anyMatch((node) -> Documents.flag(node, "in_progress"));
	}

	/**
	 * The status a person reads first.
	 * @return {@code fault}, {@code error}, {@code throttle} or {@code ok}
	 */
	public String status() {
		if (hasFault()) {
			return "fault";
		}
		if (hasError()) {
			return "error";
		}
		return hasThrottle() ? "throttle" : "ok";
	}

	private boolean anySegment(Predicate<ObjectNode> test) {
		return this.segments.stream().anyMatch(test);
	}

	private static double endOf(ObjectNode node) {
		double end = Documents.number(node, "end_time");
		return Double.isNaN(end) ? Documents.number(node, "start_time") : end;
	}

}
