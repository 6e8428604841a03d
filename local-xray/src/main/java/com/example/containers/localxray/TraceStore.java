package com.example.containers.localxray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * The traces the stand-in received, in memory and bounded: when a new trace would exceed
 * the bound, the trace that arrived first is dropped. Safe for concurrent use.
 */
public class TraceStore {

	private final int maxTraces;

	private final Map<String, StoredTrace> traces = new LinkedHashMap<>();

	private long evicted;

	/**
	 * Creates an empty store.
	 * @param maxTraces how many traces it keeps at most
	 */
	public TraceStore(int maxTraces) {
		if (maxTraces < 1) {
			throw new IllegalArgumentException("maxTraces must be at least 1, was " + maxTraces);
		}
		this.maxTraces = maxTraces;
	}

	/**
	 * Adds a segment, or a streamed subsegment, to its trace. A document whose id was
	 * seen before replaces the earlier one, unless the earlier one was complete and this
	 * one is in progress.
	 * @param document a segment or subsegment document, as {@link DatagramDecoder}
	 * returns it
	 */
	public synchronized void add(ObjectNode document) {
		String traceId = Documents.text(document, "trace_id");
		StoredTrace trace = this.traces.get(traceId);
		if (trace == null) {
			trace = new StoredTrace(traceId);
			this.traces.put(traceId, trace);
			evictOldest();
		}
		trace.add(document);
	}

	/**
	 * All traces, the most recently started first.
	 * @return copies that later segments do not change; callers must not modify them
	 */
	public synchronized List<TraceView> traces() {
		List<TraceView> views = new ArrayList<>(this.traces.size());
		for (StoredTrace trace : this.traces.values()) {
			views.add(trace.view());
		}
		views.sort((a, b) -> Double.compare(b.startTime(), a.startTime()));
		return views;
	}

	/**
	 * One trace.
	 * @param traceId the trace id
	 * @return a copy of the trace, or empty when the store does not hold it
	 */
	public synchronized Optional<TraceView> trace(String traceId) {
		StoredTrace trace = this.traces.get(traceId);
		return (trace != null) ? Optional.of(trace.view()) : Optional.empty();
	}

	/**
	 * Several traces.
	 * @param traceIds the trace ids
	 * @return copies of the traces the store holds, in the order asked for
	 */
	public synchronized List<TraceView> traces(Collection<String> traceIds) {
		List<TraceView> views = new ArrayList<>();
		for (String traceId : traceIds) {
			trace(traceId).ifPresent(views::add);
		}
		return views;
	}

	/**
	 * How many traces the store holds.
	 * @return the count
	 */
	public synchronized int size() {
		return this.traces.size();
	}

	/**
	 * How many traces the store holds at most.
	 * @return the bound
	 */
	public int maxTraces() {
		return this.maxTraces;
	}

	/**
	 * How many traces were dropped to stay within the bound.
	 * @return the count since start
	 */
	public synchronized long evicted() {
		return this.evicted;
	}

	private void evictOldest() {
		Iterator<StoredTrace> oldestFirst = this.traces.values().iterator();
		while (this.traces.size() > this.maxTraces) {
			oldestFirst.next();
			oldestFirst.remove();
			this.evicted++;
		}
	}

}
