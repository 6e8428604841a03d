package com.example.containers.consume;

import java.util.Optional;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.TraceHeader;
import com.amazonaws.xray.entities.TraceHeader.SampleDecision;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import com.example.containers.common.tracing.SqsTracing;
import com.example.containers.common.tracing.TracingProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives the handling of each message a segment that continues the trace of the request
 * that sent it: same trace id, with the sender's SQS subsegment as parent. A message
 * without a trace header starts a new trace.
 */
@Component
public class MessageTracing {

	private final AWSXRayRecorder recorder;

	private final String segmentName;

	public MessageTracing(ObjectProvider<AWSXRayRecorder> recorder, ObjectProvider<TracingProperties> properties) {
		this.recorder = recorder.getIfAvailable();
		TracingProperties tracing = properties.getIfAvailable();
		this.segmentName = (tracing != null) ? tracing.segmentName() : null;
	}

	/**
	 * Runs the handling of a message inside its segment.
	 * @param message the received message
	 * @param handling what to do with it
	 * @throws InterruptedException when the handling is interrupted
	 */
	public void trace(Message message, Handling handling) throws InterruptedException {
		if (this.recorder == null) {
			handling.handle();
			return;
		}
		Segment segment = beginSegment(SqsTracing.traceHeader(message));
		try {
			segment.putAnnotation("message_group",
					message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
			segment.putAnnotation("message_id", message.messageId());
			segment.putMetadata("sqs", "sequence_number",
					message.attributes().get(MessageSystemAttributeName.SEQUENCE_NUMBER));
			segment.putMetadata("sqs", "receive_count",
					message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
			handling.handle();
		}
		catch (InterruptedException | RuntimeException ex) {
			segment.addException(ex);
			throw ex;
		}
		finally {
			this.recorder.endSegment();
		}
	}

	private Segment beginSegment(Optional<TraceHeader> header) {
		if (header.isEmpty()) {
			return this.recorder.beginSegmentWithSampling(this.segmentName);
		}
		Segment segment = this.recorder.beginSegment(this.segmentName, header.get().getRootTraceId(),
				header.get().getParentId());
		segment.setSampled(header.get().getSampled() != SampleDecision.NOT_SAMPLED);
		return segment;
	}

	/**
	 * The handling of one message.
	 */
	@FunctionalInterface
	public interface Handling {

		void handle() throws InterruptedException;

	}

}
