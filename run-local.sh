#!/usr/bin/env bash
# Runs the whole system on this machine, with no Docker and no AWS account: local-aws (ElasticMQ
# and the X-Ray stand-in), process, main and consume, each as its own JVM. Builds what is missing,
# waits until every service is healthy, prints where to send requests and follows the logs.
# Ctrl-C stops everything.
#
#   ./run-local.sh            run until Ctrl-C
#   ./run-local.sh --rebuild  package the services again first
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
RUN_DIR="$ROOT/.run"
LOG_DIR="$RUN_DIR/logs"
SERVICES=(local-aws container-process container-main container-consume)
declare -A PORT=([local-aws]=2000 [container-process]=8082 [container-main]=8080 [container-consume]=8081)
SQS_PORT=9324
PIDS=()

say() { printf '\033[1m[run-local]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[run-local]\033[0m %s\n' "$*" >&2; exit 1; }

require_java() {
	command -v java >/dev/null || fail "java is not on the PATH: install a JDK 17 or newer."
	local major
	major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
	[ "${major%%.*}" -ge 17 ] 2>/dev/null || fail "Java 17 or newer is needed; java is version $major."
}

port_in_use() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

require_free_ports() {
	local port busy=()
	for port in "$SQS_PORT" "${PORT[@]}"; do
		if port_in_use "$port"; then busy+=("$port"); fi
	done
	if [ ${#busy[@]} -gt 0 ]; then
		say "These ports are taken: ${busy[*]}. Who holds them:"
		for port in "${busy[@]}"; do (ss -ltnp "sport = :$port" 2>/dev/null || true) | tail -n +2; done
		fail "Stop what holds them (an earlier run still going?) and try again."
	fi
}

needs_build() {
	local module jar
	[ "${1:-}" = "--rebuild" ] && return 0
	for module in "${SERVICES[@]}"; do
		jar="$module/target/$module.jar"
		[ -f "$jar" ] || return 0
		# A source or build file newer than the jar means the jar is stale.
		if [ -n "$(find "$module/src" "$module/pom.xml" container-common/src pom.xml -newer "$jar" -type f -print -quit)" ]; then
			return 0
		fi
	done
	return 1
}

build() {
	local modules
	modules=$(IFS=,; echo "${SERVICES[*]}")
	say "Packaging $modules (tests skipped; ./mvnw verify runs them)..."
	./mvnw -q -DskipTests -pl "$modules" -am package
}

start() {
	local module=$1
	shift
	# setsid puts each JVM in its own process group, so that stop() can end it and its children.
	env "$@" setsid java -Xmx384m -jar "$module/target/$module.jar" >"$LOG_DIR/$module.log" 2>&1 &
	PIDS+=($!)
	echo $! >"$RUN_DIR/$module.pid"
}

stop() {
	trap - INT TERM HUP EXIT
	# The terminal or a pipe reading this script's output may be gone already: stop quietly if so.
	trap '' PIPE
	[ ${#PIDS[@]} -eq 0 ] && return
	say "Stopping..." || true
	# The services first, local-aws last: consume must not poll a queue that is gone.
	stop_group "${PIDS[@]:1}"
	stop_group "${PIDS[0]}"
	rm -f "$RUN_DIR"/*.pid
	jobs -p | xargs -r kill 2>/dev/null || true
	say "Stopped." || true
}

stop_group() {
	local pid
	for pid in "$@"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
	for pid in "$@"; do
		for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
		kill -KILL -- "-$pid" 2>/dev/null || true
	done
}

await_healthy() {
	local module=$1 port=${PORT[$1]} pid=$2
	for _ in $(seq 1 240); do
		if ! kill -0 "$pid" 2>/dev/null; then
			tail -n 30 "$LOG_DIR/$module.log" >&2
			fail "$module exited while starting; its log is $LOG_DIR/$module.log"
		fi
		if curl -fsS "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
			say "$module is healthy on port $port"
			return
		fi
		sleep 0.5
	done
	fail "$module did not become healthy within 120 s; its log is $LOG_DIR/$module.log"
}

follow_logs() {
	local module
	for module in "${SERVICES[@]}"; do
		tail -n 0 -F "$LOG_DIR/$module.log" 2>/dev/null | sed -u "s/^/[${module#container-}] /" &
	done
	watch_services
}

# Stops everything when one service exits on its own, rather than going on without it.
watch_services() {
	local i
	while true; do
		for i in "${!SERVICES[@]}"; do
			if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
				say "${SERVICES[$i]} exited on its own; its log is $LOG_DIR/${SERVICES[$i]}.log"
				exit 1
			fi
		done
		sleep 2
	done
}

main() {
	require_java
	command -v curl >/dev/null || fail "curl is needed to check the services' health."
	require_free_ports
	if needs_build "${1:-}"; then build; fi
	mkdir -p "$LOG_DIR"
	trap stop INT TERM HUP EXIT

	# Dummy credentials: ElasticMQ checks no signature, and real ones must never reach it.
	local aws=(AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local
		SQS_ENDPOINT="http://localhost:$SQS_PORT" SQS_QUEUE_URL="http://localhost:$SQS_PORT/000000000000/messages.fifo"
		AWS_XRAY_DAEMON_ADDRESS=127.0.0.1:2000
		# Only this machine reaches the services, as local-aws already listens on 127.0.0.1 alone.
		SERVER_ADDRESS=127.0.0.1)
	say "Starting local-aws..."
	start local-aws "${aws[@]}"
	await_healthy local-aws "${PIDS[0]}"
	say "Starting process, main and consume..."
	start container-process "${aws[@]}" AWS_XRAY_TRACING_NAME=process
	start container-main "${aws[@]}" AWS_XRAY_TRACING_NAME=main PROCESS_BASE_URL=http://localhost:8082
	# Short polls: ElasticMQ spins on long polls of a queue whose groups are all in flight.
	start container-consume "${aws[@]}" AWS_XRAY_TRACING_NAME=consume SQS_POLL_TIMEOUT=2s
	await_healthy container-process "${PIDS[1]}"
	await_healthy container-main "${PIDS[2]}"
	await_healthy container-consume "${PIDS[3]}"

	cat <<EOF

  The system is up. Try:

    curl -s localhost:8080/api/path-one
    curl -s localhost:8080/api/path-two
    curl -s -X POST localhost:8080/api/send-message -H 'Content-Type: application/json' \\
         -d '{"message":"hello","groupId":"orders"}'
    curl -s localhost:8081/api/consumed

  SQS (ElasticMQ):  http://localhost:$SQS_PORT   (aws --endpoint-url http://localhost:$SQS_PORT sqs list-queues)
  Trace viewer:     http://localhost:2000   (X-Ray API for aws xray ... --endpoint-url http://localhost:2000)
  Logs:             $LOG_DIR

  Following the logs; Ctrl-C stops everything.

EOF
	follow_logs
}

main "$@"
