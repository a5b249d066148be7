#!/usr/bin/env bash
# Runner overhead benchmark: 2,000 cases against the stub server at concurrency 16, four deterministic
# assertions per case, with 0 ms and 50 ms of stub latency. Measures wall time and peak RSS of the whole
# `shipgate eval` process (start-up included). Usage: bench/runner-overhead.sh [cases] [concurrency]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cases="${1:-2000}"
concurrency="${2:-16}"
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null; }

# The CLI as users run it: ./shipgate publishes it ReadyToRun-compiled into artifacts/shipgate.
"$root/shipgate" --version >/dev/null
dotnet build "$root/src/Shipgate.Testing" -c Release -nologo -v q >/dev/null
dotnet build "$root/bench/HttpFloor" -c Release -nologo -v q >/dev/null
floor="$root/bench/HttpFloor/bin/Release/net10.0/HttpFloor.dll"
cli="$root/artifacts/shipgate/Shipgate.Cli.dll"
stub="$root/src/Shipgate.Testing/bin/Release/net10.0/Shipgate.Testing.dll"

work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

run_one() {
  local latency="$1"
  local feature="$work/feature-$latency"
  mkdir -p "$feature"
  coproc STUB { exec dotnet "$stub" --port 0 --latency-ms "$latency" --no-log --ignore-stdin; }
  local url=""
  read -r line <&"${STUB[0]}"
  url="${line#listening }"
  # Warm the stub (it stands in for a remote API, which is always warm): its JIT is not the runner's overhead.
  seq 1 400 | xargs -P 16 -I{} curl -s -o /dev/null -X POST "$url/chat/completions" \
    -H 'content-type: application/json' -d '{"model":"m","messages":[{"role":"user","content":"warm {}"}]}'
  {
    echo "version: 1"
    echo "feature: { name: bench-$latency }"
    echo "prompts: [{ id: p, user: 'Q: {{q}}' }]"
    echo "candidates:"
    echo "  - { id: stub, provider: 'openai:bench', base_url: '$url', api_key_env: BENCH_KEY, pricing: { input: 0.15, output: 0.60 } }"
    echo "defaults:"
    echo "  assertions:"
    echo "    - { type: icontains, value: 'question' }"
    echo "    - { type: not-icontains, value: 'as an ai' }"
    echo "    - { type: length, max: 2000 }"
    echo "    - { type: regex, value: '\\d+' }"
    echo "gate: { min_pass_rate: 0.9 }"
    echo "run: { concurrency: $concurrency, retries: 0 }"
    echo "suite:"
    echo "  files: [cases.jsonl]"
  } > "$feature/shipgate.yaml"
  for i in $(seq 1 "$cases"); do echo "{\"id\": \"c$i\", \"vars\": {\"q\": \"question $i\"}}"; done > "$feature/cases.jsonl"
  BENCH_KEY=x /usr/bin/time -f "%e %M" -o "$work/time-$latency" \
    dotnet "$cli" eval "$feature" --no-cache --format none --quiet > "$work/out-$latency" 2>&1 || true
  # A failed or partial run would flatter the wall time: insist on every result landing.
  if ! grep -q "completed · $cases/$cases results" "$work/out-$latency"; then
    echo "benchmark run did not complete all $cases results:" >&2
    cat "$work/out-$latency" >&2
    exit 1
  fi
  read -r wall kb < "$work/time-$latency"
  local ideal
  ideal=$(awk -v n="$cases" -v l="$latency" -v c="$concurrency" 'BEGIN { printf "%.2f", n * l / 1000 / c }')
  printf "latency %3s ms  cases %s  concurrency %s  wall %6.2f s  ideal %5.2f s  peak RSS %5.1f MiB  verdict: %s\n" \
    "$latency" "$cases" "$concurrency" "$wall" "$ideal" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')" \
    "$(grep -oE 'NO-SHIP|SHIP' "$work/out-$latency" | head -n 1)"
  # The floor: the same 2,000 requests from a bare HttpClient, no spec, store, assertions or reports.
  printf "               bare HttpClient floor against the same stub: %s s\n" "$(dotnet "$floor" "$url" "$cases" "$concurrency")"
  kill "$STUB_PID" 2>/dev/null || true
  wait "$STUB_PID" 2>/dev/null || true
}

for round in 1 2 3; do
  run_one 0
  run_one 50
done
