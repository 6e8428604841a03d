package com.example.containers.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.services.xray.model.Trace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The segments and subsegments of one trace, as the X-Ray API returns them: each segment
 * a JSON document with its subsegments nested in it.
 */
final class TraceDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<JsonNode> documents = new ArrayList<>();

	private final List<JsonNode> entities = new ArrayList<>();

	TraceDocuments(Trace trace) {
		trace.segments().forEach((segment) -> {
			JsonNode document = JSON.readTree(segment.document());
			this.documents.add(document);
			collect(document);
		});
	}

	/**
	 * The names of the trace's segments, one per service that took part.
	 * @return the names
	 */
	List<String> segmentNames() {
		return this.documents.stream().map((document) -> document.get("name").asString()).toList();
	}

	Optional<JsonNode> segment(String name) {
		return this.documents.stream().filter((document) -> document.get("name").asString().equals(name)).findFirst();
	}

	/**
	 * Every segment and subsegment, nested ones included.
	 * @return the entities
	 */
	List<JsonNode> entities() {
		return this.entities;
	}

	List<String> ids() {
		return this.entities.stream().map((entity) -> entity.get("id").asString()).toList();
	}

	private void collect(JsonNode entity) {
		this.entities.add(entity);
		JsonNode subsegments = entity.get("subsegments");
		if (subsegments != null) {
			subsegments.forEach(this::collect);
		}
	}

}
