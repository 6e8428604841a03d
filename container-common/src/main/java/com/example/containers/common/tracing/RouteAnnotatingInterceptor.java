package com.example.containers.common.tracing;

import com.amazonaws.xray.AWSXRay;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Annotates the request's segment with the route that handled it, so that traces can be
 * filtered with {@code annotation.route = "/api/path-two"}.
 */
class RouteAnnotatingInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (route != null) {
			AWSXRay.getCurrentSegmentOptional()
				.ifPresent((segment) -> segment.putAnnotation("route", route.toString()));
		}
		return true;
	}

}
