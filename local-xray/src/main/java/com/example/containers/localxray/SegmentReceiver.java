package com.example.containers.localxray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

import com.example.containers.localxray.DroppedDatagramException.DropReason;

/**
 * Listens on UDP for the datagrams X-Ray SDKs send to their daemon and puts the segments
 * into a store; a datagram it cannot use is dropped, logged once and counted, and the
 * next one is read.
 */
public class SegmentReceiver implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SegmentReceiver.class);

	// Larger than any UDP payload, so that a datagram is never cut off here and only a
	// datagram that was cut off before it arrived fills the largest payload.
	private static final int BUFFER_SIZE = 65_536;

	private final InetSocketAddress address;

	private final DatagramDecoder decoder = new DatagramDecoder();

	private final TraceStore store;

	private final AtomicLong received = new AtomicLong();

	private final Map<DropReason, AtomicLong> dropped = new EnumMap<>(DropReason.class);

	private volatile DatagramSocket socket;

	private volatile String lastDrop;

	private Thread thread;

	/**
	 * Creates a receiver that is not yet listening.
	 * @param address the address and port to listen on; port 0 picks a free port
	 * @param store where the segments go
	 */
	public SegmentReceiver(InetSocketAddress address, TraceStore store) {
		this.address = address;
		this.store = store;
		for (DropReason reason : DropReason.values()) {
			this.dropped.put(reason, new AtomicLong());
		}
	}

	/**
	 * Binds the socket and starts reading datagrams on a thread of its own.
	 * @throws UncheckedIOException when the address cannot be bound
	 */
	public synchronized void start() {
		try {
			this.socket = new DatagramSocket(this.address);
		}
		catch (SocketException ex) {
			throw new UncheckedIOException("Cannot listen for X-Ray segments on UDP " + this.address, ex);
		}
		this.thread = new Thread(this::receiveUntilClosed, "xray-udp-" + port());
		this.thread.setDaemon(true);
		this.thread.start();
		log.info("Listening for X-Ray segments on UDP {}:{}", this.address.getHostString(), port());
	}

	/**
	 * The UDP port the receiver listens on.
	 * @return the port, or -1 when not started
	 */
	public int port() {
		DatagramSocket current = this.socket;
		return (current != null) ? current.getLocalPort() : -1;
	}

	/**
	 * How many segment and subsegment documents were stored.
	 * @return the count since start
	 */
	public long received() {
		return this.received.get();
	}

	/**
	 * How many datagrams were dropped for a reason.
	 * @param reason the reason
	 * @return the count since start
	 */
	public long dropped(DropReason reason) {
		return this.dropped.get(reason).get();
	}

	/**
	 * What the last dropped datagram was and why it was dropped.
	 * @return the description, or {@code null} when nothing was dropped
	 */
	public String lastDrop() {
		return this.lastDrop;
	}

	/**
	 * Whether the receiver is reading datagrams.
	 * @return {@code true} between start and close
	 */
	public boolean isRunning() {
		DatagramSocket current = this.socket;
		return current != null && !current.isClosed();
	}

	@Override
	public synchronized void close() {
		DatagramSocket current = this.socket;
		this.socket = null;
		if (current != null) {
			current.close();
			joinQuietly();
			log.info("Stopped listening for X-Ray segments");
		}
	}

	private void receiveUntilClosed() {
		DatagramSocket current = this.socket;
		byte[] buffer = new byte[BUFFER_SIZE];
		while (current != null && !current.isClosed()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				current.receive(packet);
				handle(packet);
			}
			catch (IOException ex) {
				if (!current.isClosed()) {
					log.warn("Receiving an X-Ray datagram failed; receiving the next one", ex);
				}
			}
		}
	}

	private void handle(DatagramPacket packet) {
		try {
			ObjectNode document = this.decoder.decode(packet.getData(), packet.getLength());
			this.store.add(document);
			this.received.incrementAndGet();
			log.debug("Stored {} {} of trace {}", document.path("type").asString("segment"),
					Documents.text(document, "id"), Documents.text(document, "trace_id"));
		}
		catch (DroppedDatagramException ex) {
			drop(packet, ex);
		}
	}

	private void drop(DatagramPacket packet, DroppedDatagramException ex) {
		this.dropped.get(ex.reason()).incrementAndGet();
		String description = "a " + ex.reason().name().toLowerCase(Locale.ROOT) + " datagram of " + packet.getLength()
				+ " bytes from " + packet.getSocketAddress() + ": " + ex.getMessage();
		this.lastDrop = description;
		log.warn("Dropped {}", description);
	}

	private void joinQuietly() {
		try {
			this.thread.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
