package com.example.containers.process;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The servlet container's error page, in the services' problem+json format.
 */
@SpringBootTest(properties = "tracing.daemon-address=127.0.0.1:9")
@AutoConfigureMockMvc
class ErrorPageTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void errorPageReachedDirectlyIsNotFound() throws Exception {
		this.mvc.perform(get("/error"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404));
	}

	@Test
	void errorForwardedByTheContainerKeepsItsStatus() throws Exception {
		this.mvc
			.perform(get("/error").requestAttr("jakarta.servlet.error.status_code", 400)
				.requestAttr("jakarta.servlet.error.request_uri", "/api/process"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.instance").value("/api/process"));
	}

}
