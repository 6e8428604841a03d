package com.example.containers.common.tracing;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.spring.aop.BaseAbstractXRayInterceptor;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Pointcut;

import com.example.containers.common.web.InvalidRequestException;

/**
 * Gives each public method of a bean annotated {@code @XRayEnabled} a subsegment, through
 * the X-Ray SDK's Spring support. It extends the SDK's base interceptor rather than
 * {@code AbstractXRayInterceptor}, whose Spring Data pointcut cannot be parsed where
 * Spring Data is not on the class path, which disables every pointcut of the aspect.
 */
@Aspect
public class TracingAspect extends BaseAbstractXRayInterceptor {

	@Override
	@Pointcut("@within(com.amazonaws.xray.spring.aop.XRayEnabled) && execution(public * *(..))")
	public void xrayEnabledClasses() {
	}

	/**
	 * Records the method's subsegment. Unlike the SDK, it does not mark the whole segment
	 * as a fault when the method throws, and a refused request marks the subsegment as a
	 * client error only: the segment's status comes from the HTTP status the service
	 * answers.
	 */
	@Override
	protected Object processXRayTrace(ProceedingJoinPoint joinPoint) throws Throwable {
		Subsegment subsegment = AWSXRay.beginSubsegment(joinPoint.getSignature().getName());
		try {
			return joinPoint.proceed();
		}
		catch (InvalidRequestException ex) {
			subsegment.setError(true);
			throw ex;
		}
		catch (Throwable ex) {
			subsegment.addException(ex);
			throw ex;
		}
		finally {
			AWSXRay.endSubsegment();
		}
	}

}
