package com.example.containers.common.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * Answers the errors Tomcat meets before a request reaches the application, such as a
 * header too large to parse, with problem+json instead of Tomcat's HTML page, so that a
 * client gets the same error format from every layer.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

	private static final StringManager reasons = StringManager.getManager("org.apache.catalina.valves");

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"title\":\"" + title(status) + "\",\"status\":" + status
						+ ",\"detail\":\"The request could not be read by the server; it may be malformed or its"
						+ " headers too large.\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or the response committed: nothing more can be said.
		}
	}

	private static String title(int status) {
		String reason = reasons.getString("http." + status + ".reason");
		return (reason != null && !reason.startsWith("Cannot find message")) ? reason : "Error";
	}

}
