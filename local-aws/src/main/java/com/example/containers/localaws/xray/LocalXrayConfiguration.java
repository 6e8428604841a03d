package com.example.containers.localaws.xray;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import com.example.containers.localxray.SamplingRules;
import com.example.containers.localxray.SegmentReceiver;
import com.example.containers.localxray.TraceStore;
import com.example.containers.localxray.XrayApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the X-Ray daemon stand-in of local-xray into local-aws: the trace store, the UDP
 * receiver and the API the controllers answer with.
 */
@Configuration(proxyBeanMethods = false)
public class LocalXrayConfiguration {

	@Bean
	TraceStore traceStore(LocalXrayProperties properties) {
		return new TraceStore(properties.maxTraces());
	}

	@Bean(initMethod = "start", destroyMethod = "close")
	SegmentReceiver segmentReceiver(LocalXrayProperties properties, TraceStore traceStore) {
		return new SegmentReceiver(new InetSocketAddress(properties.bindAddress(), properties.udpPort()), traceStore);
	}

	@Bean
	SamplingRules samplingRules(LocalXrayProperties properties) {
		String file = properties.samplingRulesFile();
		return file.isBlank() ? SamplingRules.sampleEverything() : SamplingRules.fromFile(Path.of(file));
	}

	@Bean
	XrayApi xrayApi(TraceStore traceStore, SamplingRules samplingRules, LocalXrayProperties properties) {
		return new XrayApi(traceStore, samplingRules, properties.region());
	}

}
