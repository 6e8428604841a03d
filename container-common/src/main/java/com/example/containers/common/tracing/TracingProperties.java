package com.example.containers.common.tracing;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * How a service traces with AWS X-Ray.
 *
 * @param enabled whether the service traces at all
 * @param segmentName the name of the service's segments, as the trace map shows it
 * @param daemonAddress where the X-Ray daemon listens: segments go to its UDP port,
 * sampling calls to its TCP port
 * @param samplingRules the sampling rules used while no daemon answers the sampling API
 * @param daemonCheckInterval how often to check that the daemon is there, to say once
 * when it goes missing or comes back
 */
@ConfigurationProperties("tracing")
@Validated
public record TracingProperties(@DefaultValue("true") boolean enabled, @NotBlank String segmentName,
		@DefaultValue("127.0.0.1:2000") @NotBlank String daemonAddress,
		@DefaultValue("classpath:xray/sampling-rules.json") @NotNull Resource samplingRules,
		@DefaultValue("30s") @NotNull Duration daemonCheckInterval) {
}
