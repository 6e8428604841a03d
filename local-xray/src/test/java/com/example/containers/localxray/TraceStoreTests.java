package com.example.containers.localxray;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class TraceStoreTests {

	private final TraceStore store = new TraceStore(1000);

	@Test
	void addWhenBoundIsReachedShouldDropTheOldestTraceFirst() {
		TraceStore small = new TraceStore(2);
		double now = TestTraces.now();
		ObjectNode first = TestTraces.pathTwo(now)[0];
		ObjectNode second = TestTraces.pathTwo(now + 1)[0];
		ObjectNode third = TestTraces.pathTwo(now + 2)[0];
		small.add(first);
		small.add(second);
		small.add(third);

		assertThat(small.traces()).extracting(TraceView::id).containsExactly(traceId(third), traceId(second));
		assertThat(small.evicted()).isEqualTo(1);
	}

	@Test
	void addWhenSegmentOfAKnownTraceShouldNotEvict() {
		TraceStore small = new TraceStore(1);
		ObjectNode[] segments = TestTraces.pathTwo(TestTraces.now());
		small.add(segments[0]);
		small.add(segments[1]);

		assertThat(small.traces()).singleElement().satisfies((trace) -> assertThat(trace.segments()).hasSize(2));
		assertThat(small.evicted()).isZero();
	}

	@Test
	void addWhenCompleteVersionArrivesShouldReplaceTheInProgressOne() {
		ObjectNode complete = TestTraces.pathTwo(TestTraces.now())[0];
		ObjectNode inProgress = complete.deepCopy().put("in_progress", true);
		inProgress.remove(List.of("end_time", "subsegments"));
		this.store.add(inProgress);
		assertThat(this.store.trace(traceId(complete)).orElseThrow().isPartial()).isTrue();

		this.store.add(complete);

		TraceView trace = this.store.trace(traceId(complete)).orElseThrow();
		assertThat(trace.segments()).singleElement().isEqualTo(complete);
		assertThat(trace.isPartial()).isFalse();
	}

	@Test
	void addWhenInProgressVersionArrivesLateShouldKeepTheCompleteOne() {
		ObjectNode complete = TestTraces.pathTwo(TestTraces.now())[0];
		ObjectNode inProgress = complete.deepCopy().put("in_progress", true);
		this.store.add(complete);

		this.store.add(inProgress);

		assertThat(this.store.trace(traceId(complete)).orElseThrow().segments()).singleElement().isEqualTo(complete);
	}

	@Test
	void traceShouldPutStreamedSubsegmentsUnderTheirParentsWhateverTheOrder() {
		ObjectNode main = TestTraces.pathTwo(TestTraces.now())[0];
		String mainId = main.get("id").stringValue();
		ObjectNode outer = streamed(main, "outer", mainId);
		ObjectNode inner = streamed(main, "inner", outer.get("id").stringValue());
		this.store.add(inner);
		this.store.add(outer);
		assertThat(this.store.trace(traceId(main)).orElseThrow().isPartial()).isTrue();

		this.store.add(main);

		TraceView trace = this.store.trace(traceId(main)).orElseThrow();
		ObjectNode merged = trace.segments().get(0);
		assertThat(merged.get("subsegments")).hasSize(2);
		ObjectNode outerMerged = (ObjectNode) merged.get("subsegments").get(1);
		assertThat(outerMerged.get("name").stringValue()).isEqualTo("outer");
		assertThat(outerMerged.has("trace_id")).isFalse();
		assertThat(outerMerged.get("subsegments").get(0).get("name").stringValue()).isEqualTo("inner");
		assertThat(trace.isPartial()).isFalse();
	}

	@Test
	void traceShouldNotChangeWhenTheStoreChangesLater() {
		ObjectNode[] segments = TestTraces.pathTwo(TestTraces.now());
		this.store.add(segments[0]);
		TraceView before = this.store.trace(traceId(segments[0])).orElseThrow();

		this.store.add(segments[1]);

		assertThat(before.segments()).hasSize(1);
		assertThat(this.store.trace(traceId(segments[0])).orElseThrow().segments()).hasSize(2);
	}

	@Test
	void traceViewShouldReportDurationRootAndStatus() {
		double start = TestTraces.now();
		ObjectNode[] segments = TestTraces.sendMessage(start);
		segments[1].put("fault", true);
		this.store.add(segments[1]);
		this.store.add(segments[0]);

		TraceView trace = this.store.trace(traceId(segments[0])).orElseThrow();

		assertThat(trace.root()).contains(segments[0]);
		assertThat(trace.duration()).isCloseTo(0.3, offset(0.001));
		assertThat(trace.responseTime()).isCloseTo(0.03, offset(0.001));
		assertThat(trace.status()).isEqualTo("fault");
	}

	private static ObjectNode streamed(ObjectNode segment, String name, String parentId) {
		ObjectNode subsegment = TestTraces.segment(traceId(segment), TestTraces.segmentId(), name,
				segment.get("start_time").doubleValue(), segment.get("end_time").doubleValue());
		return subsegment.put("type", "subsegment").put("parent_id", parentId);
	}

	private static String traceId(ObjectNode segment) {
		return segment.get("trace_id").stringValue();
	}

}
