package com.example.containers.localxray;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceGraphTests {

	@Test
	void graphShouldLinkClientMainProcessAndMainQueueConsume() {
		TraceStore store = new TraceStore(10);
		double now = TestTraces.now();
		List.of(TestTraces.pathTwo(now), TestTraces.sendMessage(now + 1), TestTraces.sendMessage(now + 2))
			.forEach((segments) -> List.of(segments).forEach(store::add));

		ArrayNode services = new ServiceGraph().addAll(store.traces()).toJson();

		assertThat(edges(services)).containsExactlyInAnyOrder("client(client) -> main(service)",
				"main(service) -> process(service)", "main(service) -> messages.fifo(AWS::SQS::Queue)",
				"messages.fifo(AWS::SQS::Queue) -> consume(AWS::ECS::Container)");
		JsonNode main = service(services, "main");
		assertThat(main.get("Root").booleanValue()).isTrue();
		assertThat(main.path("SummaryStatistics").path("TotalCount").asLong()).isEqualTo(3);
		assertThat(service(services, "messages.fifo").path("SummaryStatistics").path("OkCount").asLong()).isEqualTo(2);
	}

	@Test
	void graphShouldShowARemoteServiceThatSentNoSegments() {
		TraceStore store = new TraceStore(10);
		store.add(TestTraces.pathTwo(TestTraces.now())[0]);

		ArrayNode services = new ServiceGraph().addAll(store.traces()).toJson();

		assertThat(edges(services)).containsExactlyInAnyOrder("client(client) -> main(service)",
				"main(service) -> localhost:8082(remote)");
	}

	private static JsonNode service(ArrayNode services, String name) {
		for (JsonNode service : services) {
			if (name.equals(service.get("Name").stringValue())) {
				return service;
			}
		}
		throw new AssertionError("No service " + name + " in " + services);
	}

	private static List<String> edges(ArrayNode services) {
		List<String> edges = new ArrayList<>();
		for (JsonNode service : services) {
			for (JsonNode edge : service.get("Edges")) {
				edges.add(label(service) + " -> " + label(services.get(edge.get("ReferenceId").intValue())));
			}
		}
		return edges;
	}

	private static String label(JsonNode service) {
		return service.get("Name").stringValue() + "(" + service.get("Type").stringValue() + ")";
	}

}
