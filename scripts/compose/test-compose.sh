#!/usr/bin/env bash
# `npm run test:compose`: docker-compose.yml tested for real. Builds the project's Dockerfile,
# starts the topology from the host-network variant generated from docker-compose.yml, drives the
# README's curl walkthrough through the proxy, kills one API container and shows the other keeps
# serving, and tears everything down (always, also on failure).
#
# This machine has no image registry and only host networking, so: a private Docker engine
# (Debian's docker.io, started here and stopped by its pid), a Debian base from debootstrap (cached
# in /var/cache/collection-dispute-engine), Node 20 copied from this machine into a stand-in of the
# official node image, and STAND-INS for the third-party images: EventStoreDB is the protocol fake
# of libs/event-store/testing run as a server, PostgreSQL, RabbitMQ and nginx are Debian's packages.
# Every service gets its own 127.0.0.1 port from COMPOSE_TEST_PORT_BASE (52100): the machine's
# PostgreSQL, RabbitMQ and Redis are never touched.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

started=$(date +%s)
phase_started=$started
timings=()
phase() {
  local now
  now=$(date +%s)
  timings+=("$(printf '%-34s %4ss' "$1" $((now - phase_started)))")
  phase_started=$now
}
say() { echo "compose: $*"; }

if [[ $(id -u) -ne 0 ]]; then
  echo "compose: needs root (it installs Debian packages and starts a Docker engine)" >&2
  exit 1
fi

# --- Debian packages, on a fresh machine -------------------------------------------------------------
missing=()
[[ -x /usr/bin/docker && -x /usr/sbin/dockerd ]] || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v docker-compose >/dev/null || missing+=(docker-compose)
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
phase "Debian packages"

port_base=${COMPOSE_TEST_PORT_BASE:-52100}
project=cde-compose-test
work=$(mktemp -d /tmp/cde-compose.XXXXXX)
export DOCKER_HOST="unix://$work/docker.sock"
docker=/usr/bin/docker # another client may be first on PATH
compose() { docker-compose -p "$project" -f "$work/variant/docker-compose.yml" "$@"; }
dockerd_pid=""

teardown() {
  local status=$?
  set +e
  if [[ -f "$work/variant/docker-compose.yml" ]]; then
    if ((status != 0)); then
      echo "--- logs of the topology (last 40 lines a service)" >&2
      compose logs --no-color --tail 40 >&2 2>&1
    fi
    compose down -v --remove-orphans -t 5 >/dev/null 2>&1
  fi
  if [[ -n "$dockerd_pid" ]]; then
    kill "$dockerd_pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.2; done
  fi
  # What dockerd left mounted (its network namespace), then the files: the engine's layers are
  # gigabytes, deleted in the background once nothing runs on them.
  awk -v w="$work/" 'index($2, w) == 1 { print $2 }' /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null
  if [[ -n "$dockerd_pid" ]]; then (nohup rm -rf "$work" >/dev/null 2>&1 &) else rm -rf "$work"; fi
  phase "teardown"
  echo "compose: timings"
  printf '  %s\n' "${timings[@]}"
  echo "compose: total $(($(date +%s) - started))s; $([[ $status == 0 ]] && echo passed || echo FAILED)"
  exit $status
}
trap teardown EXIT
trap 'exit 130' INT TERM

fail() {
  echo "compose: FAILED: $*" >&2
  exit 1
}

# The ports must be free: another run, or something of the machine's, would answer in our place.
for offset in $(seq 0 9); do
  if (exec 3<>/dev/tcp/127.0.0.1/$((port_base + offset))) 2>/dev/null; then
    fail "127.0.0.1:$((port_base + offset)) is in use (another test:compose? set COMPOSE_TEST_PORT_BASE)"
  fi
done

# --- a private Docker engine (or, while developing this test, one already running) -----------------
if [[ -n "${COMPOSE_TEST_DOCKER_HOST:-}" ]]; then
  export DOCKER_HOST=$COMPOSE_TEST_DOCKER_HOST
  say "using the Docker engine at $DOCKER_HOST (COMPOSE_TEST_DOCKER_HOST): its image cache is kept"
else
  mkdir -p "$work/data" "$work/exec"
  dockerd --iptables=false --ip-masq=false --bridge=none --data-root "$work/data" --exec-root "$work/exec" \
    --host "$DOCKER_HOST" --pidfile "$work/dockerd.pid" >"$work/dockerd.log" 2>&1 &
  dockerd_pid=$!
fi
for _ in $(seq 1 100); do $docker info >/dev/null 2>&1 && break; sleep 0.2; done
$docker info >/dev/null 2>&1 || { cat "$work/dockerd.log" >&2; fail "dockerd did not start"; }
phase "Docker engine"

# --- base and stand-in images -----------------------------------------------------------------------
bash scripts/compose/base-image.sh "$docker" cde-standin/debian:bookworm
phase "Debian base (debootstrap, cached)"

build() { $docker build --network host -q "$@" >/dev/null; }
# The stand-in of node:20-bookworm-slim: this machine's Node 20 and its CA bundle for npm.
node_ctx="$work/node-context"
mkdir -p "$node_ctx"
node_bin=$(readlink -f "$(command -v node)")
node_prefix=$(dirname "$(dirname "$node_bin")")
cp "$node_bin" "$node_ctx/node"
cp -r "$(npm root -g)/npm" "$node_ctx/npm"
cp -r "$node_prefix/include/node" "$node_ctx/include"
ca=${NODE_EXTRA_CA_CERTS:-$(npm config get cafile 2>/dev/null || true)}
[[ -f "$ca" ]] || ca=/etc/ssl/certs/ca-certificates.crt
cp "$ca" "$node_ctx/ca-bundle.crt"
cp scripts/compose/stand-ins/node.Dockerfile "$node_ctx/Dockerfile"
build -t cde-standin/node:20 "$node_ctx"
phase "node stand-in (host's Node $(node -v))"

# The third-party stand-ins build in the background while the engine builds.
standin_log="$work/stand-ins.log"
(
  for name in postgres rabbitmq nginx; do
    build -t "cde-standin/$name" -f "scripts/compose/stand-ins/$name.Dockerfile" scripts/compose/stand-ins || exit 1
  done
) >"$standin_log" 2>&1 &
standins_pid=$!

# --- the project's real Dockerfile ------------------------------------------------------------------
$docker build --network host -q --build-arg NODE_IMAGE=cde-standin/node:20 --target build -t cde-engine-build:test . >/dev/null
$docker build --network host -q --build-arg NODE_IMAGE=cde-standin/node:20 -t cde-engine:test . >/dev/null
phase "engine image (Dockerfile)"
wait "$standins_pid" || { cat "$standin_log" >&2; fail "a stand-in image did not build"; }
phase "stand-ins (postgres, rabbitmq, nginx)"
say "image: $($docker image inspect cde-engine:test --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}'), user $($docker image inspect cde-engine:test --format '{{.Config.User}}'), entrypoint $($docker image inspect cde-engine:test --format '{{json .Config.Entrypoint}}')"

# --- the topology -----------------------------------------------------------------------------------
npx tsx scripts/compose/host-variant.ts docker-compose.yml "$work/variant" "$port_base" \
  cde-engine:test cde-engine-build:test cde-standin/postgres cde-standin/rabbitmq cde-standin/nginx
port_of() { awk -v s="$1" '$1 == s { print $2 }' "$work/variant/services.txt"; }
echo "compose: the topology (host networking, 127.0.0.1):"
while read -r name port label; do printf '  %-12s :%-6s %s\n' "$name" "$port" "$label"; done <"$work/variant/services.txt"

JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
PERSONAL_DATA_KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
# Traces to the containers' stdout (the console exporter), to follow one command from the API into the worker.
export JWT_SECRET PERSONAL_DATA_KEY LOG_LEVEL=info OTEL_TRACES_EXPORTER=console
compose up -d >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; fail "docker-compose up"; }
container_of() { compose ps -q "$1"; }
healthy() { [[ $($docker inspect -f '{{.State.Health.Status}}' "$(container_of "$1")" 2>/dev/null) == healthy ]]; }
for _ in $(seq 1 120); do healthy proxy && healthy case-worker && break; sleep 1; done
healthy proxy || fail "the proxy did not become healthy"
healthy case-worker || fail "the worker did not become healthy"
phase "docker-compose up (all healthy)"
compose ps

# --- the README's curl walkthrough, through the proxy -----------------------------------------------
API=http://127.0.0.1:$(port_of proxy)
TOKEN=$($docker exec "$(container_of case-api-1)" engine cli token caseworker)
[[ -n "$TOKEN" ]] || fail "no token from the image's CLI"
walkthrough="$work/walkthrough.sh"
# The README's block, as written, with the token from the image's CLI and the proxy's address.
awk '/^### A case with curl/ { on = 1; next } on && /^```bash/ { inside = 1; next } inside && /^```/ { exit } inside { print }' README.md |
  sed -e "s|^export TOKEN=.*|export TOKEN=$TOKEN|" -e "s|API=http://127.0.0.1:3000|API=$API|" >"$walkthrough"
grep -q 'curl' "$walkthrough" || fail "no curl walkthrough found in README.md"
# Every curl of the walkthrough must answer 2xx; its body goes on as it would to the reader.
curl_log="$work/curl.log"
curl() {
  local body status
  body=$(mktemp)
  status=$(command curl -s -o "$body" -w '%{http_code}' "$@")
  local method=GET url="" arg previous=""
  for arg in "$@"; do
    [[ $previous == -X ]] && method=$arg
    [[ $arg == http* ]] && url=$arg
    previous=$arg
  done
  echo "$status $method /${url#*//*/}" >>"$curl_log"
  cat "$body"
  rm -f "$body"
  [[ $status == 2* ]] || { echo "compose: a README curl answered $status" >&2; return 1; }
}
export -f curl
export curl_log
set +e
bash -euo pipefail -c "source '$walkthrough'; echo \"\$CASE\" >'$work/case-id'" >"$work/walkthrough.out" 2>&1
walked=$?
set -e
echo "compose: the README walkthrough (status, request):"
sed 's/^/  /' "$curl_log"
((walked == 0)) || { cat "$work/walkthrough.out" >&2; fail "the README walkthrough"; }
CASE=$(cat "$work/case-id")
H="Authorization: Bearer $TOKEN"
events=$(command curl -sf "$API/cases/$CASE/history" -H "$H" | node -pe 'JSON.parse(require("fs").readFileSync(0)).items.length')
((events >= 7)) || fail "the case's history holds $events events, expected at least 7"
say "case $CASE: $events events in EventStoreDB (stand-in)"
# The worker projects into PostgreSQL (stand-in): the case reaches the read model the list answers from.
listed=0
for _ in $(seq 1 60); do
  if command curl -sf "$API/cases?creditorId=creditor-a" -H "$H" | grep -q "\"$CASE\""; then listed=1 && break; fi
  sleep 0.5
done
((listed)) || fail "the worker did not project case $CASE into the read models"
say "the worker projected it into the read models (GET /cases lists it)"
phase "README walkthrough"

# --- one API instance killed: the other keeps serving -----------------------------------------------
$docker kill "$(container_of case-api-1)" >/dev/null
[[ $($docker inspect -f '{{.State.Running}}' "$(container_of case-api-1)") == false ]] || fail "case-api-1 still runs"
if command curl -s -o /dev/null "http://127.0.0.1:$(port_of case-api-1)/health"; then fail "case-api-1 still answers"; fi
for i in $(seq 1 10); do
  status=$(command curl -s -o /dev/null -w '%{http_code}' "$API/cases/$CASE" -H "$H")
  [[ $status == 200 ]] || fail "read $i through the proxy with case-api-1 down answered $status"
done
second=$(command curl -s -o "$work/second.json" -w '%{http_code}' -X POST "$API/cases" -H "$H" -H 'Content-Type: application/json' \
  -d '{"creditorId":"creditor-a","creditorReference":"INV-2","debtor":{"id":"d-2","name":"Ola Nordmann","kind":"consumer","contact":{}},
       "invoice":{"number":"2","issueDate":"2026-09-01","dueDate":"2026-10-01","currency":"NOK","lines":[{"lineId":"L1","description":"Service","amount":50000}]}}')
[[ $second == 201 ]] || fail "a handover with case-api-1 down answered $second: $(cat "$work/second.json")"
say "case-api-1 killed: 10 reads and a handover through the proxy answered by case-api-2 (200, 201)"
second_case=$(sed -E 's/.*"caseId":"([^"]+)".*/\1/' "$work/second.json")
compose start case-api-1 >/dev/null 2>&1
for _ in $(seq 1 60); do healthy case-api-1 && break; sleep 1; done
healthy case-api-1 || fail "case-api-1 did not come back"
status=$(command curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(port_of case-api-1)/cases/$second_case" -H "$H")
[[ $status == 200 ]] || fail "case-api-1, back, answered $status for the case handed over while it was down"
say "case-api-1 back: it serves the case handed over while it was down (the events are shared)"
phase "failover"

# --- observability through the topology -------------------------------------------------------------
metrics=$(command curl -sf "$API/metrics")
grep -q '^case_commands_total{' <<<"$metrics" || fail "/metrics has no case_commands_total"
worker_metrics=$(command curl -sf "http://127.0.0.1:$(port_of case-worker)/metrics")
grep -q '^projection_lag_events{' <<<"$worker_metrics" || fail "the worker's /metrics has no projection lag"
worker_json=$($docker logs "$(container_of case-worker)" 2>&1 | grep -c '^{"level":' || true)
((worker_json > 0)) || fail "the worker wrote no JSON log lines"
say "metrics: the API's commands, the worker's projection lag; the worker logs JSON ($worker_json lines)"
# One trace across two processes: an API's span of a command request, and the worker's projection
# of the events it appended (the trace travels in the events' metadata).
traces_of() { # <service> <span name prefix>: the trace ids of the console exporter's spans so named
  $docker logs "$(container_of "$1")" 2>/dev/null |
    awk -v want="name: '$2" '/^  traceId: / { id = $2 } index($0, want) == 3 { gsub(/[^0-9a-f]/, "", id); print id }'
}
crossed=""
for _ in $(seq 1 20); do
  requests=$( (traces_of case-api-1 'POST /cases'; traces_of case-api-2 'POST /cases') | sort -u)
  projections=$(traces_of case-worker "projection read-models'" | sort -u)
  crossed=$(comm -12 <(echo "$requests") <(echo "$projections") | head -1)
  [[ -n "$crossed" ]] && break
  sleep 1 # spans are exported in batches, every few seconds
done
[[ -n "$crossed" ]] || fail "no trace runs from the API's request into the worker's projection"
say "trace $crossed: a command's request span in the API, its projection span in the worker"

phase "observability"

echo "compose: passed. Stand-ins, not the official images: EventStoreDB = the protocol fake, PostgreSQL, RabbitMQ and nginx = Debian packages; the engine is the real Dockerfile's image."
