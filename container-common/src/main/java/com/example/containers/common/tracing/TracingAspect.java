package com.example.containers.common.tracing;

import com.amazonaws.xray.spring.aop.AbstractXRayInterceptor;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Pointcut;

/**
 * Gives each public method of a bean annotated {@code @XRayEnabled} a subsegment, through the
 * X-Ray SDK's Spring support.
 */
@Aspect
public class TracingAspect extends AbstractXRayInterceptor {

	@Override
	@Pointcut("@within(com.amazonaws.xray.spring.aop.XRayEnabled) && execution(public * *(..))")
	protected void xrayEnabledClasses() {
	}

}
