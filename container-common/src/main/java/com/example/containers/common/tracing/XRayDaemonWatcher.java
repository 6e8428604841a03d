package com.example.containers.common.tracing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Checks now and then that an X-Ray daemon listens at the configured address, and says so
 * once when it goes missing and once when it comes back. Segments sent over UDP to no
 * daemon are lost without an error, so this is how a user learns that traces are not
 * recorded, without a log line per request.
 */
public class XRayDaemonWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(XRayDaemonWatcher.class);

	private static final int CONNECT_TIMEOUT_MILLIS = 500;

	private final String address;

	private final Duration interval;

	private ScheduledExecutorService executor;

	private volatile Boolean reachable;

	public XRayDaemonWatcher(String address, Duration interval) {
		this.address = address;
		this.interval = interval;
	}

	@Override
	public void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "xray-daemon-watcher");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::check, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.executor.shutdownNow();
		this.executor = null;
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * Whether the daemon answered the last check.
	 * @return {@code null} before the first check
	 */
	public Boolean isReachable() {
		return this.reachable;
	}

	void check() {
		boolean now = canConnect();
		Boolean before = this.reachable;
		this.reachable = now;
		if (!now && !Boolean.FALSE.equals(before)) {
			log.warn("No X-Ray daemon answers at {}: segments are dropped and the shipped sampling rules apply "
					+ "until one does", this.address);
		}
		else if (now && Boolean.FALSE.equals(before)) {
			log.info("The X-Ray daemon at {} answers again", this.address);
		}
	}

	// The daemon listens on TCP too, for the sampling API, at the same address as for
	// segments.
	private boolean canConnect() {
		try (Socket socket = new Socket()) {
			socket.connect(socketAddress(), CONNECT_TIMEOUT_MILLIS);
			return true;
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

	// Either "host:port", or "tcp:host:port udp:host:port" when the two differ.
	private InetSocketAddress socketAddress() {
		String tcp = this.address;
		for (String part : this.address.split("\\s+")) {
			if (part.startsWith("tcp:")) {
				tcp = part.substring("tcp:".length());
			}
		}
		int colon = tcp.lastIndexOf(':');
		return new InetSocketAddress(tcp.substring(0, colon), Integer.parseInt(tcp.substring(colon + 1)));
	}

}
