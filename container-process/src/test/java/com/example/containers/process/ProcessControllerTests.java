package com.example.containers.process;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/process}: what main asks for, and the trace it continues.
 */
// No daemon listens on the discard port: the segments of these tests reach no trace
// viewer.
@SpringBootTest(properties = { "process.name=process-a", "tracing.daemon-address=127.0.0.1:9" })
@AutoConfigureMockMvc
class ProcessControllerTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void processAnswersWithItsNameAndTheTime() throws Exception {
		this.mvc.perform(get("/api/process"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data").value(startsWith("processed by process-a at ")));
	}

	@Test
	void processContinuesTheTraceOfItsCaller() throws Exception {
		String root = "1-67891233-abcdef012345678912345678";
		this.mvc
			.perform(get("/api/process").header("X-Amzn-Trace-Id",
					"Root=" + root + ";Parent=53995c3f42cd8ad8;Sampled=1"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Amzn-Trace-Id", startsWith("Root=" + root)));
	}

	@Test
	void unknownPathAnswersProblemJson() throws Exception {
		this.mvc.perform(get("/api/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
	}

}
