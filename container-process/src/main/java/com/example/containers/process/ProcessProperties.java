package com.example.containers.process;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of container-process.
 *
 * @param name how this service names itself in its answers
 * @param delay how long each request takes on purpose, to show main's timeout; zero by
 * default
 */
@ConfigurationProperties("process")
public record ProcessProperties(@DefaultValue("process") String name, @DefaultValue("0s") Duration delay) {
}
