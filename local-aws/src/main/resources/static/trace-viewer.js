// The trace viewer of local-aws: it reads traces through the same X-Ray API the AWS SDKs and the
// AWS CLI use (POST /TraceSummaries, /Traces, /ServiceGraph), plus /viewer/status for the counters.
"use strict";

const state = { selected: new URLSearchParams(location.hash.slice(1)).get("trace"), timer: null };

function el(tag, attributes, ...children) {
	const node = document.createElement(tag);
	Object.entries(attributes || {}).forEach(([key, value]) => {
		if (value !== undefined && value !== null) {
			node.setAttribute(key, value);
		}
	});
	children.flat().forEach((child) => node.append(child instanceof Node ? child : String(child)));
	return node;
}

function svg(tag, attributes, ...children) {
	const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
	Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
	children.forEach((child) => node.append(child instanceof Node ? child : String(child)));
	return node;
}

async function xray(path, body) {
	const response = await fetch(path, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify(body)
	});
	const answer = await response.json();
	if (!response.ok) {
		throw new Error(answer.message || response.statusText);
	}
	return answer;
}

function timeRange() {
	const end = Date.now() / 1000 + 60;
	return { StartTime: end - 60 - Number(document.getElementById("window").value), EndTime: end };
}

function ms(seconds) {
	return (seconds * 1000).toFixed(seconds > 0 && seconds < 0.01 ? 1 : 0) + " ms";
}

function statusOf(node) {
	if (node.fault || node.HasFault) {
		return "fault";
	}
	if (node.error || node.HasError) {
		return "error";
	}
	return (node.throttle || node.HasThrottle) ? "throttle" : "ok";
}

async function refresh() {
	const error = document.getElementById("error");
	try {
		const range = timeRange();
		const filter = document.getElementById("filter").value.trim();
		const [summaries, graph] = await Promise.all([
			xray("/TraceSummaries", Object.assign({ FilterExpression: filter || undefined }, range)),
			xray("/ServiceGraph", range),
			showStatus()
		]);
		error.hidden = true;
		showTraces(summaries.TraceSummaries);
		showMap(graph.Services);
		if (state.selected) {
			await showTimeline(state.selected);
		}
	}
	catch (problem) {
		error.textContent = problem.message;
		error.hidden = false;
	}
}

async function showStatus() {
	const status = await (await fetch("viewer/status")).json();
	const dropped = status.datagramsDropped;
	const total = dropped.truncated + dropped.malformed + dropped.invalid;
	const line = document.getElementById("status");
	line.replaceChildren(
		`UDP ${status.udpPort}: ${status.segmentsReceived} segments received. `,
		el("span", { class: total ? "warn" : null },
			`${total} datagrams dropped (${dropped.truncated} truncated, ${dropped.malformed} malformed, `
			+ `${dropped.invalid} invalid). `),
		`${status.traces} of at most ${status.maxTraces} traces kept, ${status.tracesEvicted} dropped as oldest.`);
	if (status.lastDrop) {
		line.append(el("br"), el("span", { class: "warn" }, "Last dropped: " + status.lastDrop));
	}
}

function showTraces(summaries) {
	document.getElementById("count").textContent = summaries.length + " in range";
	if (!state.selected && summaries.length) {
		state.selected = summaries[0].Id;
	}
	const rows = summaries.map((summary) => {
		const http = summary.Http || {};
		const started = new Date(summary.StartTime * 1000).toLocaleTimeString();
		const status = statusOf(summary);
		const row = el("tr", { class: summary.Id === state.selected ? "selected" : null },
			el("td", null, started),
			el("td", { class: "request", title: `${summary.Id}\n${http.HttpURL || ""}` },
				`${http.HttpMethod || ""} ${path(http.HttpURL) || summary.Id}`
				+ (http.HttpStatus ? ` -> ${http.HttpStatus}` : ""),
				el("span", { class: "services" }, summary.ServiceIds.map((id) => id.Name).join(" > "))),
			el("td", { class: "num" }, ms(summary.Duration)),
			el("td", null, el("span", { class: "badge " + status }, status),
				summary.IsPartial ? el("span", { class: "badge partial", title: "still in progress or incomplete" },
					"partial") : []));
		row.addEventListener("click", () => {
			state.selected = summary.Id;
			history.replaceState(null, "", "#trace=" + summary.Id);
			refresh();
		});
		return row;
	});
	const body = document.getElementById("traces");
	body.replaceChildren(...rows);
	if (!rows.length) {
		body.append(el("tr", null, el("td", { colspan: 4, class: "empty" }, "No traces in this range.")));
	}
}

function path(url) {
	try {
		return url ? new URL(url).pathname : null;
	}
	catch (ignored) {
		return url;
	}
}

// Lays the services out in columns by their distance from the client, and draws the edges.
function showMap(services) {
	const container = document.getElementById("map");
	if (!services.length) {
		container.replaceChildren(el("p", { class: "empty" }, "No services in this range."));
		return;
	}
	const byId = new Map(services.map((service) => [service.ReferenceId, service]));
	const depth = new Map();
	const roots = services.filter((service) => service.Type === "client");
	const queue = (roots.length ? roots : [services[0]]).map((service) => [service, 0]);
	while (queue.length) {
		const [service, level] = queue.shift();
		if (depth.has(service.ReferenceId) && depth.get(service.ReferenceId) >= level) {
			continue;
		}
		depth.set(service.ReferenceId, level);
		if (level < services.length) {
			service.Edges.forEach((edge) => queue.push([byId.get(edge.ReferenceId), level + 1]));
		}
	}
	services.forEach((service) => depth.has(service.ReferenceId) || depth.set(service.ReferenceId, 0));
	const columns = [];
	services.forEach((service) => {
		const level = depth.get(service.ReferenceId);
		(columns[level] = columns[level] || []).push(service);
	});
	const boxWidth = 170, boxHeight = 54, columnGap = 90, rowGap = 26;
	const tallest = Math.max(...columns.map((column) => (column || []).length));
	const height = tallest * (boxHeight + rowGap) + rowGap;
	const position = new Map();
	columns.forEach((column, level) => (column || []).forEach((service, index) => {
		const offset = (height - column.length * (boxHeight + rowGap) + rowGap) / 2;
		position.set(service.ReferenceId, {
			x: 10 + level * (boxWidth + columnGap),
			y: offset + index * (boxHeight + rowGap)
		});
	}));
	const width = 20 + columns.length * (boxWidth + columnGap) - columnGap;
	const drawing = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}` });
	drawing.append(svg("defs", null, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
		markerWidth: 8, markerHeight: 8, orient: "auto-start-reverse" }, svg("path", { d: "M 0 0 L 10 5 L 0 10 z",
		fill: "#8a99a8" }))));
	services.forEach((service) => service.Edges.forEach((edge) => {
		const from = position.get(service.ReferenceId), to = position.get(edge.ReferenceId);
		const x1 = from.x + boxWidth, y1 = from.y + boxHeight / 2, x2 = to.x, y2 = to.y + boxHeight / 2;
		const bend = Math.max(30, Math.abs(x2 - x1) / 2);
		drawing.append(svg("path", { class: "edge", "marker-end": "url(#arrow)",
			d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}` }));
		const stats = edge.SummaryStatistics || {};
		if (stats.TotalCount) {
			drawing.append(svg("text", { class: "edge-label", x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 6,
				"text-anchor": "middle" }, `${stats.TotalCount} ${stats.TotalCount === 1 ? "call" : "calls"}`));
		}
	}));
	services.forEach((service) => drawing.append(mapNode(service, position.get(service.ReferenceId), boxWidth,
		boxHeight)));
	container.replaceChildren(drawing);
}

function mapNode(service, at, width, height) {
	const stats = service.SummaryStatistics || {};
	const faults = stats.FaultStatistics ? stats.FaultStatistics.TotalCount : 0;
	const errors = stats.ErrorStatistics ? stats.ErrorStatistics.TotalCount : 0;
	const kind = service.Type === "client" ? "client" : (service.Type.startsWith("AWS::") && service.Type
		!== "AWS::ECS::Container" && service.Type !== "AWS::EC2::Instance" ? "aws" : "service");
	const group = svg("g", { class: `node ${kind}${faults ? " faulty" : ""}`,
		transform: `translate(${at.x},${at.y})` });
	group.append(svg("rect", { width, height, rx: 6 }));
	group.append(svg("text", { x: width / 2, y: 20, "text-anchor": "middle" }, service.Name));
	group.append(svg("text", { class: "type", x: width / 2, y: 34, "text-anchor": "middle" }, service.Type));
	if (stats.TotalCount) {
		const average = stats.TotalResponseTime / stats.TotalCount;
		group.append(svg("text", { class: "type", x: width / 2, y: 47, "text-anchor": "middle" },
			`${stats.TotalCount} ok:${stats.OkCount} err:${errors} fault:${faults} avg ${ms(average)}`));
	}
	return group;
}

async function showTimeline(traceId) {
	const answer = await xray("/Traces", { TraceIds: [traceId] });
	const container = document.getElementById("timeline");
	document.getElementById("trace-id").textContent = traceId;
	if (!answer.Traces.length) {
		container.replaceChildren(el("p", { class: "empty" }, "This trace is no longer stored."));
		return;
	}
	const segments = answer.Traces[0].Segments.map((segment) => JSON.parse(segment.Document));
	const rows = timelineRows(segments);
	const start = Math.min(...rows.map((row) => row.node.start_time));
	const end = Math.max(...rows.map((row) => row.node.end_time || row.node.start_time));
	const span = Math.max(end - start, 0.001);
	const axis = el("div", { class: "axis" }, el("span"), el("div", { class: "ticks" },
		[0, 0.25, 0.5, 0.75, 1].map((share) => el("span", null, ms(span * share)))), el("span"));
	container.replaceChildren(axis, ...rows.map((row) => timelineRow(row, start, span)), details(rows));
}

// Lists each segment and subsegment with its id, its parent and what it did, so that the links
// between services (a segment whose parent is another service's subsegment) can be read off.
function details(rows) {
	const body = rows.map((row) => {
		const node = row.node;
		const http = node.http || {};
		const request = http.request ? `${http.request.method || ""} ${http.request.url || ""}` : "";
		const status = http.response && http.response.status ? ` -> ${http.response.status}` : "";
		const aws = node.aws && node.aws.operation ? `${node.aws.operation} ${node.aws.queue_url || ""}` : "";
		const annotations = Object.entries(node.annotations || {}).map(([key, value]) => `${key}=${value}`).join(" ");
		return el("tr", null,
			el("td", null, row.segment ? el("strong", null, node.name) : node.name),
			el("td", null, el("code", null, node.id), node.parent_id ? el("code", null, " < " + node.parent_id) : []),
			el("td", null, [aws || request + status, annotations].filter((part) => part).join("  ")));
	});
	return el("table", { class: "details" },
		el("thead", null, el("tr", null, ["Name", "Id < parent", "Call"].map((title) => el("th", null, title)))),
		el("tbody", null, body));
}

// Orders the segments as a tree: each segment, then its subsegments, and under a subsegment the
// segments whose parent it is (process under main's HTTP call, consume under main's SQS call).
function timelineRows(segments) {
	const ids = new Set();
	segments.forEach((segment) => walk(segment, (node) => ids.add(node.id)));
	const children = new Map();
	const roots = [];
	segments.forEach((segment) => {
		if (segment.parent_id && ids.has(segment.parent_id)) {
			if (!children.has(segment.parent_id)) {
				children.set(segment.parent_id, []);
			}
			children.get(segment.parent_id).push(segment);
		}
		else {
			roots.push(segment);
		}
	});
	const rows = [];
	const visit = (node, depth, segment) => {
		rows.push({ node, depth, segment });
		const below = (node.subsegments || []).map((sub) => [sub, false])
			.concat((children.get(node.id) || []).map((child) => [child, true]))
			.sort((a, b) => a[0].start_time - b[0].start_time);
		below.forEach(([child, isSegment]) => visit(child, depth + 1, isSegment));
	};
	roots.sort((a, b) => a.start_time - b.start_time).forEach((root) => visit(root, 0, true));
	return rows;
}

function walk(node, visitor) {
	visitor(node);
	(node.subsegments || []).forEach((child) => walk(child, visitor));
}

function timelineRow(row, start, span) {
	const node = row.node;
	const end = node.end_time || node.start_time;
	const left = ((node.start_time - start) / span) * 100;
	const width = ((end - node.start_time) / span) * 100;
	const status = statusOf(node);
	const classes = ["bar", row.segment ? "segment" : "subsegment", status === "ok" ? "" : status,
		node.in_progress ? "in-progress" : ""].join(" ");
	return el("div", { class: "row", title: describe(node) },
		el("div", { class: "name " + (row.segment ? "segment" : "subsegment"),
			style: `padding-left:${row.depth * 16}px` }, label(node, row.segment)),
		el("div", { class: "track" }, el("div", { class: classes, style: `left:${left}%;width:${width}%` })),
		el("div", { class: "ms" }, node.in_progress ? "in progress" : ms(end - node.start_time)));
}

function label(node, isSegment) {
	const aws = node.aws || {};
	if (aws.operation) {
		return `${node.name} ${aws.operation}` + (aws.queue_url ? " " + aws.queue_url.split("/").pop() : "");
	}
	const request = (node.http || {}).request;
	const suffix = !isSegment && request ? ` ${request.method || ""} ${request.url || ""}` : "";
	return node.name + suffix;
}

function describe(node) {
	const lines = [`${node.name} (id ${node.id})`];
	const http = node.http || {};
	if (http.request) {
		lines.push(`${http.request.method || ""} ${http.request.url || ""}`);
	}
	if (http.response && http.response.status) {
		lines.push(`status ${http.response.status}`);
	}
	if (node.aws) {
		lines.push(JSON.stringify(node.aws));
	}
	if (node.annotations) {
		lines.push("annotations " + JSON.stringify(node.annotations));
	}
	return lines.join("\n");
}

function schedule() {
	clearInterval(state.timer);
	if (document.getElementById("auto").checked) {
		state.timer = setInterval(refresh, 5000);
	}
}

document.getElementById("query").addEventListener("submit", (event) => {
	event.preventDefault();
	refresh();
});
document.getElementById("window").addEventListener("change", refresh);
document.getElementById("auto").addEventListener("change", schedule);
schedule();
refresh();
