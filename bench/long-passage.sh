#!/usr/bin/env bash
# Long knowledge passages and local:extractive: peak memory and wall time of the whole `shipgate eval` process.
# Three runs of the offline example (examples/support-assistant), each in a scratch copy with a fresh store:
#   example  - the example as shipped
#   code-1.5k - plus one knowledge file holding a 20-line, ~1.5 KB fenced code block
#   code-12k  - plus one knowledge file holding a ~12 KB fenced code block (127 lines)
# Usage: bench/long-passage.sh            (about a minute per run on 2 cores)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null; }
"$root/shipgate" --version >/dev/null   # publish once, outside the measurement
cli="$root/artifacts/shipgate/Shipgate.Cli.dll"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A realistic shell snippet: one line per API call, ~75 characters each.
code_block() {
  local lines="$1"
  echo '# Bulk import over the API'
  echo
  echo 'Use the REST API to import many items at once:'
  echo
  echo '```bash'
  for i in $(seq 1 "$lines"); do
    echo "curl -s -X POST \"\$API/v1/items\" -H \"Authorization: Bearer \$TOKEN\" -d '{\"id\": $i, \"qty\": $((i * 3))}'"
  done
  echo '```'
}

measure() {
  local name="$1" lines="$2"
  local feature="$work/$name"
  cp -r "$root/examples/support-assistant" "$feature"
  rm -rf "$feature/.shipgate"
  if [ "$lines" -gt 0 ]; then
    code_block "$lines" > "$feature/knowledge/zz-bulk-import.md"
  fi
  local bytes=0
  [ -f "$feature/knowledge/zz-bulk-import.md" ] && bytes=$(wc -c < "$feature/knowledge/zz-bulk-import.md")
  set +e
  /usr/bin/time -v dotnet "$cli" eval "$feature" --format none --quiet > "$work/$name.out" 2> "$work/$name.time"
  local code=$?
  set -e
  local rss wall
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/$name.time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/$name.time")
  printf '%-10s knowledge file %6s bytes  exit %s  wall %s  peak RSS %s MiB\n' "$name" "$bytes" "$code" "$wall" "$rss"
}

measure example 0
measure code-1.5k 20
measure code-12k 127
