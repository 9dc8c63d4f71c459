#!/usr/bin/env bash
# Smoke test of the build: `npm run build`, then the built API, worker and CLI started with plain
# `node` on a fresh SQLite file, as `npm run start:prod` runs them. Keeps the build from rotting.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run -s build
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
export SQLITE_FILE="$work/engine.sqlite" LOG_LEVEL=warn NODE_ENV=development

fail() { echo "smoke: $*" >&2; for f in "$work"/*.log; do echo "--- $f" >&2; cat "$f" >&2; done; exit 1; }

# A bad setting stops the built API at start, with one line naming it.
if out=$(WORKERS=seperate node dist/apps/case-api/src/main.js 2>&1); then fail "started with WORKERS=seperate"; fi
[[ "$out" == *"WORKERS must be one of in-process, separate"* && $(wc -l <<<"$out") -eq 1 ]] || fail "config error: $out"

PORT=0 node dist/apps/case-api/src/main.js >"$work/api.log" 2>&1 &
pids+=($!)
url=""
for _ in $(seq 1 100); do
  url=$(grep -oE 'listening on http://[0-9.]+:[0-9]+' "$work/api.log" | sed 's/listening on //' || true)
  [[ -n "$url" ]] && break
  sleep 0.2
done
[[ -n "$url" ]] || fail "the built API did not start"
curl -sf "$url/health" >/dev/null || fail "/health did not answer 200"

token=$(node dist/apps/cli/src/main.js token caseworker)
status=$(curl -s -o "$work/case.json" -w '%{http_code}' -X POST "$url/cases" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"creditorId":"c-1","creditorReference":"SMOKE-1",
       "debtor":{"id":"d-1","name":"Smoke Test","kind":"consumer","contact":{}},
       "invoice":{"number":"1","issueDate":"2025-01-15","dueDate":"2025-02-01","currency":"NOK",
                  "lines":[{"lineId":"L1","description":"Line","amount":100000}]}}')
[[ "$status" == 201 ]] || fail "handover answered $status: $(cat "$work/case.json")"
# The debtor's name is sealed at rest: the built CLI finds no personal data in clear, and the export opens it.
check=$(node dist/apps/cli/src/main.js privacy check)
[[ "$check" == *"personal data in clear: 0 value(s)"* ]] || fail "privacy check: $check"
exported=$(node dist/apps/cli/src/main.js privacy export d-1 --compact)
[[ "$exported" == *'"value":"Smoke Test"'* ]] || fail "privacy export: $exported"

WORKERS=in-process node dist/apps/case-worker/src/main.js >"$work/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do grep -q 'Case worker running' "$work/worker.log" && break; sleep 0.2; done
grep -q 'Case worker running' "$work/worker.log" || fail "the built worker did not start"

echo "smoke: the built API ($url), worker and CLI start with node; a handover answered 201, its debtor sealed at rest"
