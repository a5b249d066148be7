#!/usr/bin/env bash
# Case loading benchmark: `shipgate validate` on a feature with N cases (default 100,000), once as JSONL, once as
# YAML and once as CSV, each case with vars, tags and one assertion. Loading must be linear in the number of cases.
# Reports wall time, CPU (user+sys) time and peak RSS of the whole process (start-up included).
# Usage: bench/case-loading.sh [cases]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cases="${1:-100000}"
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null; }

# The CLI as users run it: ./shipgate publishes it ReadyToRun-compiled into artifacts/shipgate.
"$root/shipgate" --version >/dev/null
cli="$root/artifacts/shipgate/Shipgate.Cli.dll"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

spec() {
  cat <<YAML
version: 1
feature: { name: case-loading }
prompts: [{ id: p, user: 'Q: {{q}}' }]
candidates: [{ id: c, provider: 'local:extractive' }]
suite:
  files: [$1]
YAML
}

mkdir -p "$work/jsonl" "$work/yaml" "$work/csv"
spec cases.jsonl > "$work/jsonl/shipgate.yaml"
spec cases.yaml > "$work/yaml/shipgate.yaml"
spec cases.csv > "$work/csv/shipgate.yaml"
awk -v n="$cases" 'BEGIN {
  for (i = 1; i <= n; i++) printf "{\"id\": \"case-%d\", \"tags\": [\"t%d\"], \"vars\": {\"q\": \"question %d\"}, \"assertions\": [{\"type\": \"icontains\", \"value\": \"%d\"}]}\n", i, i % 5, i, i
}' > "$work/jsonl/cases.jsonl"
awk -v n="$cases" 'BEGIN {
  for (i = 1; i <= n; i++) printf "- id: case-%d\n  tags: [t%d]\n  vars: { q: \"question %d\" }\n  assertions:\n    - { type: icontains, value: \"%d\" }\n", i, i % 5, i, i
}' > "$work/yaml/cases.yaml"
awk -v n="$cases" 'BEGIN {
  print "id,tags,q,assert:icontains"
  for (i = 1; i <= n; i++) printf "case-%d,t%d,question %d,%d\n", i, i % 5, i, i
}' > "$work/csv/cases.csv"

printf '%-6s %10s %10s %10s\n' format wall_s cpu_s peak_mib
for format in jsonl yaml csv; do
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" dotnet "$cli" validate "$work/$format" > "$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
  grep -q "cases      $cases " "$work/out" || { echo "validate did not load all $cases cases:" >&2; cat "$work/out" >&2; exit 1; }
  read -r wall user sys kb < "$work/time"
  awk -v f="$format" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kb" 'BEGIN { printf "%-6s %10.2f %10.2f %10.0f\n", f, w, u + s, k / 1024 }'
done
