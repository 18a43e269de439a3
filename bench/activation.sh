#!/usr/bin/env bash
# Activation: how long activating a checked version takes end to end (until decisions name it),
# and decision latency (wrk, p50/p99) while versions are activated and rolled back repeatedly.
# Usage: bench/activation.sh [seconds of load, default 20]   Needs wrk.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-20}"
port=18091
app=rules-service/target/quarkus-app/quarkus-run.jar
[ -f "$app" ] || mvn -q -B -ntp -DskipTests -pl rules-service -am package
. bin/lib/service.sh
work="$(mktemp -d)"
export SAFEGUARDING_KEYS="$work/keys"
TOKEN=$(bin/rules token --role decision-client)
ADMIN=$(bin/rules token --role rules-admin)
export TOKEN
trap 'kill $service_pid 2>/dev/null || true; rm -rf "$work"' EXIT
start_service "$port" "$work/store" "$work/keys" "$work/service.log"
api="http://127.0.0.1:$port/api/v1"
original=$(curl -s -H "Authorization: Bearer $TOKEN" "$api/ruleset" | sed 's/.*"sha256":"\([0-9a-f]*\)".*/\1/')
upload_s=$(curl -s -H "Authorization: Bearer $ADMIN" -o /tmp/upload.json -w '%{time_total}' -F "workbook=@e2e/fixtures/local-number.drl.xlsx" -F "uploadedBy=bench" "$api/rulesets")
edited=$(sed 's/.*"sha256":"\([0-9a-f]*\)".*/\1/' /tmp/upload.json | head -c 64)
echo "upload and full check: ${upload_s} s"
# End to end: from the activate request until a decision names the new version.
start=$(date +%s%N)
curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" -XPOST "$api/rulesets/$edited/activate"
until curl -s -XPOST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' "$api/decisions" | grep -q "$edited"; do :; done
echo "activation, end to end: $(( ($(date +%s%N) - start) / 1000000 )) ms"
curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" -XPOST "$api/rulesets/rollback"
# Decisions under load while activating and rolling back twice a second.
(
  end=$(( $(date +%s) + seconds ))
  n=0
  while [ "$(date +%s)" -lt "$end" ]; do
    curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" -XPOST "$api/rulesets/$edited/activate"; sleep 0.25
    curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" -XPOST "$api/rulesets/rollback"; sleep 0.25
    n=$((n + 2))
  done
  echo "$n" > /tmp/activations.count
) &
toggler=$!
out=$(wrk -t1 -c32 -d"${seconds}s" --latency -s bench/decision.lua "$api/decisions")
wait $toggler
echo "during $(cat /tmp/activations.count) activations and roll backs:"
echo "$out" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" || true
[ "$(curl -s -H "Authorization: Bearer $TOKEN" "$api/ruleset" | grep -c "$original")" = 1 ] && echo "ended on the original version, as expected"
