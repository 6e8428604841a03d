package com.example.containers.common.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How {@link RequestSizeLimitFilter} bounds what a request body may hold.
 */
class RequestSizeLimitFilterTests {

	private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(10, JsonMapper.builder().build());

	@Test
	void bodyDeclaredLargerThanTheLimitIsRefusedWith413WithoutBeingRead() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/send-message");
		request.setContent(new byte[11]);
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request, response, (req, res) -> {
			throw new AssertionError("the chain must not run");
		});

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("larger than 10 bytes");
	}

	@Test
	void chunkedBodyFailsToReadOnceItPassesTheLimit() throws Exception {
		MockHttpServletRequest request = chunked(new byte[11]);

		assertThatExceptionOfType(RequestSizeLimitFilter.RequestTooLargeException.class).isThrownBy(() -> this.filter
			.doFilter(request, new MockHttpServletResponse(), (req, res) -> req.getInputStream().readAllBytes()));
	}

	@Test
	void chunkedBodyWithinTheLimitIsReadWhole() throws Exception {
		MockHttpServletRequest request = chunked(new byte[10]);
		int[] read = new int[1];

		this.filter.doFilter(request, new MockHttpServletResponse(),
				(req, res) -> read[0] = req.getInputStream().readAllBytes().length);

		assertThat(read[0]).isEqualTo(10);
	}

	private static MockHttpServletRequest chunked(byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/send-message") {
			@Override
			public long getContentLengthLong() {
				return -1;
			}
		};
		request.setContent(body);
		return request;
	}

}
