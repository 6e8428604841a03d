package com.example.containers.localaws.xray;

import java.util.Locale;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import com.example.containers.localxray.DroppedDatagramException.DropReason;
import com.example.containers.localxray.SegmentReceiver;
import com.example.containers.localxray.TraceStore;

import org.springframework.stereotype.Component;

/**
 * Publishes what the X-Ray stand-in received, dropped and holds as Micrometer meters.
 */
@Component
public class XrayMetrics implements MeterBinder {

	private final SegmentReceiver receiver;

	private final TraceStore store;

	public XrayMetrics(SegmentReceiver receiver, TraceStore store) {
		this.receiver = receiver;
		this.store = store;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("xray.segments.received", this.receiver, SegmentReceiver::received)
			.description("Segment and subsegment documents stored")
			.register(registry);
		for (DropReason reason : DropReason.values()) {
			FunctionCounter.builder("xray.datagrams.dropped", this.receiver, (r) -> r.dropped(reason))
				.description("Datagrams dropped because they could not be used")
				.tag("reason", reason.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
		Gauge.builder("xray.traces.stored", this.store, TraceStore::size)
			.description("Traces held in memory")
			.register(registry);
		FunctionCounter.builder("xray.traces.evicted", this.store, TraceStore::evicted)
			.description("Traces dropped, oldest first, to stay within the bound")
			.register(registry);
	}

}
