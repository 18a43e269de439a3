#!/usr/bin/env bash
# Service throughput: POST /api/v1/decisions against the bare endpoint (same build, bench profile,
# fixed response of the same size), wrk on loopback sharing the machine's cores.
# Usage: bench/wrk.sh [seconds per run, default 20] [connections, default 32]
# Needs wrk (apt-get install -y wrk). Prints one line per endpoint and the server's RSS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-20}"
connections="${2:-32}"
port=18089
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
app=rules-service/target/quarkus-app/quarkus-run.jar
[ -f "$app" ] || mvn -q -B -ntp -DskipTests -pl rules-service -am package
. bin/lib/service.sh
work="$(mktemp -d)"
export SAFEGUARDING_KEYS="$work/keys"
TOKEN=$(bin/rules token --role decision-client)
export TOKEN
trap 'kill $service_pid 2>/dev/null || true; rm -rf "$work"' EXIT
start_service "$port" "$work/store" "$work/keys" "$work/service.log" -Dquarkus.profile=bench
pid=$service_pid
base="http://127.0.0.1:$port/api/v1"
body_bytes=$(curl -s -XPOST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d @bench/decision.json "$base/decisions" | wc -c)
bare_bytes=$(curl -s -XPOST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d @bench/decision.json "$base/bare" | wc -c)
echo "response sizes: decision ${body_bytes} B, bare ${bare_bytes} B"
run() { wrk -t1 -c"$connections" -d"$2" --latency -s bench/decision.lua "$base/$1"; }
# Warm both paths up (JIT) before measuring.
run decisions 10s > /dev/null; run bare 10s > /dev/null
for endpoint in bare decisions; do
  out=$(run $endpoint "${seconds}s")
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  p50=$(awk '$1=="50%" {print $2}' <<< "$out")
  p99=$(awk '$1=="99%" {print $2}' <<< "$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<< "$out" || true)
  printf '%-10s %10s req/s   p50 %-8s p99 %-8s %s\n' "$endpoint" "$rps" "$p50" "$p99" "${errors:-no errors}"
  echo "$rps" > "/tmp/wrk-$endpoint.rps"
done
printf 'ratio decisions/bare: %.1f%%\n' "$(echo "100 * $(cat /tmp/wrk-decisions.rps) / $(cat /tmp/wrk-bare.rps)" | bc -l)"
echo "server RSS: $(( $(ps -o rss= -p $pid) / 1024 )) MB"
