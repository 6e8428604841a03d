package com.example.containers.localxray;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pieces of one trace as they arrived: segments by id, and subsegments that were
 * streamed on their own by id; they are put together only when the trace is read.
 */
class StoredTrace {

	private final String id;

	private final Map<String, ObjectNode> segments = new LinkedHashMap<>();

	private final Map<String, ObjectNode> streamedSubsegments = new LinkedHashMap<>();

	// Reading puts the pieces together; the result is kept until the next piece
	// arrives, so that a viewer polling a quiet store does not copy every trace each
	// time.
	private TraceView view;

	StoredTrace(String id) {
		this.id = id;
	}

	void add(ObjectNode document) {
		boolean subsegment = "subsegment".equals(Documents.text(document, "type"));
		Map<String, ObjectNode> pieces = subsegment ? this.streamedSubsegments : this.segments;
		pieces.merge(Documents.text(document, "id"), document, StoredTrace::newer);
		this.view = null;
	}

	TraceView view() {
		if (this.view == null) {
			this.view = assemble();
		}
		return this.view;
	}

	private TraceView assemble() {
		List<ObjectNode> copies = new ArrayList<>();
		Map<String, ObjectNode> byId = new HashMap<>();
		for (ObjectNode segment : this.segments.values()) {
			ObjectNode copy = segment.deepCopy();
			copies.add(copy);
			index(copy, byId);
		}
		int orphans = attachStreamedSubsegments(byId);
		return new TraceView(this.id, copies, orphans);
	}

	// Streamed subsegments may hang under other streamed subsegments, so attach in
	// passes until nothing more finds its parent; what is left waits for a parent that
	// has not arrived.
	private int attachStreamedSubsegments(Map<String, ObjectNode> byId) {
		List<ObjectNode> waiting = new ArrayList<>(this.streamedSubsegments.values());
		boolean progress = true;
		while (!waiting.isEmpty() && progress) {
			progress = waiting.removeIf((subsegment) -> attach(subsegment, byId));
		}
		return waiting.size();
	}

	private boolean attach(ObjectNode streamed, Map<String, ObjectNode> byId) {
		ObjectNode parent = byId.get(Documents.text(streamed, "parent_id"));
		if (parent == null) {
			return false;
		}
		ObjectNode copy = streamed.deepCopy();
		copy.remove(List.of("type", "trace_id", "parent_id"));
		ArrayNode children = parent.withArrayProperty("subsegments");
		int existing = indexOfId(children, Documents.text(copy, "id"));
		if (existing < 0) {
			children.add(copy);
			index(copy, byId);
		}
		else if (newer((ObjectNode) children.get(existing), copy) == copy) {
			children.set(existing, copy);
			index(copy, byId);
		}
		return true;
	}

	private static int indexOfId(ArrayNode children, String id) {
		for (int i = 0; i < children.size(); i++) {
			if (id.equals(Documents.text(children.get(i), "id"))) {
				return i;
			}
		}
		return -1;
	}

	private static void index(ObjectNode node, Map<String, ObjectNode> byId) {
		Documents.walk(node, (each) -> byId.put(Documents.text(each, "id"), each));
	}

	// A complete document is never replaced by an in-progress one that arrived late.
	private static ObjectNode newer(ObjectNode earlier, ObjectNode later) {
		boolean laterInProgress = Documents.flag(later, "in_progress");
		boolean earlierComplete = !Documents.flag(earlier, "in_progress");
		return (laterInProgress && earlierComplete) ? earlier : later;
	}

}
