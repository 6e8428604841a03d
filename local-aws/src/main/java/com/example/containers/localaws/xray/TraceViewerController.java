package com.example.containers.localaws.xray;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.example.containers.localxray.DroppedDatagramException.DropReason;
import com.example.containers.localxray.SegmentReceiver;
import com.example.containers.localxray.TraceStore;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the trace viewer page shows besides the X-Ray API: how many segments arrived, how
 * many datagrams were dropped and why, and how full the store is.
 */
@RestController
public class TraceViewerController {

	private final SegmentReceiver receiver;

	private final TraceStore store;

	public TraceViewerController(SegmentReceiver receiver, TraceStore store) {
		this.receiver = receiver;
		this.store = store;
	}

	@GetMapping("/viewer/status")
	Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("udpPort", this.receiver.port());
		status.put("segmentsReceived", this.receiver.received());
		Map<String, Long> dropped = new LinkedHashMap<>();
		for (DropReason reason : DropReason.values()) {
			dropped.put(reason.name().toLowerCase(Locale.ROOT), this.receiver.dropped(reason));
		}
		status.put("datagramsDropped", dropped);
		status.put("lastDrop", this.receiver.lastDrop());
		status.put("traces", this.store.size());
		status.put("maxTraces", this.store.maxTraces());
		status.put("tracesEvicted", this.store.evicted());
		return status;
	}

}
