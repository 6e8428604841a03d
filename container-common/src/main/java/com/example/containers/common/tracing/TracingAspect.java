package com.example.containers.common.tracing;

import com.amazonaws.xray.spring.aop.BaseAbstractXRayInterceptor;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Pointcut;

/**
 * Gives each public method of a bean annotated {@code @XRayEnabled} a subsegment, through the
 * X-Ray SDK's Spring support. It extends the SDK's base interceptor rather than
 * {@code AbstractXRayInterceptor}, whose Spring Data pointcut cannot be parsed, and so disables
 * every pointcut of the aspect, where Spring Data is not on the class path.
 */
@Aspect
public class TracingAspect extends BaseAbstractXRayInterceptor {

	@Override
	@Pointcut("@within(com.amazonaws.xray.spring.aop.XRayEnabled) && execution(public * *(..))")
	public void xrayEnabledClasses() {
	}

}
