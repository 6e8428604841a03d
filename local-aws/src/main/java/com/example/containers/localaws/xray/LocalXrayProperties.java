package com.example.containers.localaws.xray;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the X-Ray daemon stand-in.
 *
 * @param bindAddress the interface the UDP socket listens on
 * @param udpPort the UDP port segments arrive on; 0 picks a free port
 * @param maxTraces how many traces are kept; the oldest is dropped first
 * @param samplingRulesFile a local sampling rules file of the X-Ray SDKs whose rules are
 * handed out instead of the built-in rule that samples every request; empty for the
 * built-in rule
 * @param region the region put into sampling rule ARNs
 */
@ConfigurationProperties("local-aws.xray")
@Validated
public record LocalXrayProperties(@DefaultValue("127.0.0.1") @NotBlank String bindAddress,
		@DefaultValue("2000") @Min(0) @Max(65535) int udpPort,
		@DefaultValue("1000") @Min(1) @Max(1_000_000) int maxTraces, @DefaultValue("") String samplingRulesFile,
		@DefaultValue("us-east-1") @NotBlank String region) {

}
