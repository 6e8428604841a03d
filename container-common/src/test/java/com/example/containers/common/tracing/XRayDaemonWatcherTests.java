package com.example.containers.common.tracing;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link XRayDaemonWatcher} says while the daemon is missing and when it comes back.
 */
@ExtendWith(OutputCaptureExtension.class)
class XRayDaemonWatcherTests {

	@Test
	void aMissingDaemonIsReportedOnceHoweverOftenItIsChecked(CapturedOutput output) throws IOException {
		int port = closedPort();
		XRayDaemonWatcher watcher = new XRayDaemonWatcher("127.0.0.1:" + port, Duration.ofSeconds(30));

		watcher.check();
		watcher.check();
		watcher.check();

		assertThat(watcher.isReachable()).isFalse();
		assertThat(countOf(output.getOut(), "No X-Ray daemon answers at 127.0.0.1:" + port)).isEqualTo(1);
	}

	@Test
	void aDaemonThatComesBackIsReportedOnce(CapturedOutput output) throws IOException {
		try (ServerSocket daemon = new ServerSocket(0)) {
			XRayDaemonWatcher watcher = new XRayDaemonWatcher("127.0.0.1:" + daemon.getLocalPort(),
					Duration.ofSeconds(30));
			daemon.close();
			watcher.check();
			try (ServerSocket again = new ServerSocket(daemon.getLocalPort())) {
				watcher.check();
				watcher.check();

				assertThat(watcher.isReachable()).isTrue();
				assertThat(countOf(output.getOut(), "answers again")).isEqualTo(1);
			}
		}
	}

	@Test
	void theTcpPartOfATwoPartAddressIsChecked() throws IOException {
		try (ServerSocket daemon = new ServerSocket(0)) {
			XRayDaemonWatcher watcher = new XRayDaemonWatcher(
					"tcp:127.0.0.1:" + daemon.getLocalPort() + " udp:127.0.0.1:" + closedPort(),
					Duration.ofSeconds(30));

			watcher.check();

			assertThat(watcher.isReachable()).isTrue();
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static int countOf(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

}
