package com.example.containers.common.tracing;

import java.util.Map;
import java.util.Optional;

import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.TraceHeader;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Carries an X-Ray trace across the SQS queue in the {@code AWSTraceHeader} system
 * attribute.
 */
public final class SqsTracing {

	private SqsTracing() {
	}

	/**
	 * An interceptor for an SQS client that sets {@code AWSTraceHeader} on every
	 * {@code SendMessage}, naming the X-Ray SDK's subsegment of that call as the parent.
	 * It must come after the SDK's {@code TracingInterceptor}, which opens that
	 * subsegment. SQS would also derive the attribute from the HTTP trace header, but not
	 * every SQS-compatible endpoint does, so it is set explicitly.
	 * @return the interceptor
	 */
	public static ExecutionInterceptor traceHeaderInterceptor() {
		return new TraceHeaderInterceptor();
	}

	/**
	 * The trace header a received message carries.
	 * @param message a message received with its system attributes
	 * @return the header, or empty when the message carries none
	 */
	public static Optional<TraceHeader> traceHeader(Message message) {
		String header = message.attributes().get(MessageSystemAttributeName.AWS_TRACE_HEADER);
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		TraceHeader parsed = TraceHeader.fromString(header);
		return (parsed.getRootTraceId() != null) ? Optional.of(parsed) : Optional.empty();
	}

	private static final class TraceHeaderInterceptor implements ExecutionInterceptor {

		@Override
		public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes executionAttributes) {
			if (!(context.request() instanceof SendMessageRequest send)) {
				return context.request();
			}
			// The SDK's interceptor keeps its subsegment here, and leaves the caller's
			// entity current.
			Subsegment call = executionAttributes.getAttribute(TracingInterceptor.entityKey);
			return (call != null) ? withTraceHeader(send, TraceHeader.fromEntity(call).toString()) : send;
		}

		private static SdkRequest withTraceHeader(SendMessageRequest send, String header) {
			MessageSystemAttributeValue value = MessageSystemAttributeValue.builder()
				.dataType("String")
				.stringValue(header)
				.build();
			return send.toBuilder()
				.messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER, value))
				.build();
		}

	}

}
