package com.example.containers.common.tracing;

import java.io.IOException;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.config.DaemonConfiguration;
import com.amazonaws.xray.jakarta.servlet.AWSXRayServletFilter;
import com.amazonaws.xray.plugins.ECSPlugin;
import com.amazonaws.xray.strategy.jakarta.SegmentNamingStrategy;
import com.amazonaws.xray.strategy.sampling.CentralizedSamplingStrategy;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Traces a service with the AWS X-Ray SDK: one segment per incoming API request, a
 * subsegment per outgoing HTTP call with the trace header passed on, subsegments for
 * beans marked {@code @XRayEnabled}, sampling by the daemon's rules or a shipped rules
 * file, and a daemon whose absence is logged once.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "tracing.enabled", matchIfMissing = true)
@EnableConfigurationProperties(TracingProperties.class)
public class TracingAutoConfiguration {

	/**
	 * The system property the X-Ray SDK reads the daemon address from, when the variable
	 * is unset.
	 */
	static final String DAEMON_ADDRESS_PROPERTY = "com.amazonaws.xray.emitters.daemonAddress";

	@Bean(destroyMethod = "")
	AWSXRayRecorder awsXRayRecorder(TracingProperties properties) throws IOException {
		// The SDK's emitter and its sampling client each read the address themselves,
		// from AWS_XRAY_DAEMON_ADDRESS or else from this property: one setting reaches
		// both.
		if (System.getenv(DaemonConfiguration.DAEMON_ADDRESS_ENVIRONMENT_VARIABLE_KEY) == null) {
			System.setProperty(DAEMON_ADDRESS_PROPERTY, properties.daemonAddress());
		}
		AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard()
			.withPlugin(new ECSPlugin())
			.withSamplingStrategy(new CentralizedSamplingStrategy(properties.samplingRules().getURL()))
			.build();
		// The SDK's own instrumentation, such as the AWS SDK interceptor, uses the
		// global recorder.
		AWSXRay.setGlobalRecorder(recorder);
		return recorder;
	}

	@Bean
	XRayDaemonWatcher xrayDaemonWatcher(TracingProperties properties) {
		return new XRayDaemonWatcher(properties.daemonAddress(), properties.daemonCheckInterval());
	}

	// The aspect records through the global recorder: depending on the recorder makes
	// sure that one is set before the first traced method runs.
	@Bean
	TracingAspect tracingAspect(AWSXRayRecorder recorder) {
		return new TracingAspect();
	}

	/**
	 * Traces what a servlet service receives and sends over HTTP.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletTracingConfiguration {

		@Bean
		@ConditionalOnBooleanProperty(name = "tracing.servlet-filter", matchIfMissing = true)
		FilterRegistrationBean<AWSXRayServletFilter> awsXRayServletFilter(TracingProperties properties,
				AWSXRayRecorder recorder) {
			AWSXRayServletFilter filter = new AWSXRayServletFilter(
					SegmentNamingStrategy.fixed(properties.segmentName()), recorder);
			FilterRegistrationBean<AWSXRayServletFilter> registration = new FilterRegistrationBean<>(filter);
			// Only the API: health checks and metrics would drown the traces that matter.
			registration.addUrlPatterns("/api/*");
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

		@Bean
		WebMvcConfigurer routeAnnotatingConfigurer() {
			return new WebMvcConfigurer() {
				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(new RouteAnnotatingInterceptor()).addPathPatterns("/api/**");
				}
			};
		}

	}

	/**
	 * Passes the trace on with every call a {@code RestClient} makes.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientCustomizer.class)
	static class RestClientTracingConfiguration {

		@Bean
		RestClientCustomizer tracingRestClientCustomizer(AWSXRayRecorder recorder) {
			return (builder) -> builder.requestInterceptor(new TracingClientHttpRequestInterceptor(recorder));
		}

	}

}
