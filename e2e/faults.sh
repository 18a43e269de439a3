#!/usr/bin/env bash
# Load and faults against the packaged service (bounded in time, loopback only):
#  1. wrk on POST /api/v1/decisions for 20 s while workbooks are uploaded and versions are
#     activated and rolled back: every decision must succeed.
#  2. 48 bodies of 15 MB sent at once with a decision-client token, on several spellings of the
#     decisions path (matrix parameter, trailing slash, chunked): each refused before it is read,
#     no OutOfMemoryError, and the decisions under wrk meanwhile all succeed.
#     Then the same token with different bytes after its signature for 10 s: memory stays flat.
#  3. the service is killed (SIGKILL) during uploads, then restarted on the same store: the
#     store must be intact and the previously active version must serve.
# Needs wrk (apt-get install -y wrk). Prints the figures docs/security.md quotes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
port="${FAULTS_PORT:-18096}"
seconds="${FAULTS_SECONDS:-20}"
work="$(mktemp -d)"
store="$work/store"
export SAFEGUARDING_KEYS="$work/keys"
app=rules-service/target/quarkus-app/quarkus-run.jar
command -v wrk > /dev/null || { echo "faults: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
[ -f "$app" ] || { echo "faults: $app is missing; run mvn package first" >&2; exit 2; }
TOKEN=$(bin/rules token --role decision-client)
ADMIN=$(bin/rules token --role rules-admin)
export TOKEN
api="http://127.0.0.1:$port/api/v1"
. bin/lib/service.sh
service_pid=""
start() { start_service "$port" "$store" "$SAFEGUARDING_KEYS" "$work/service.log"; }
trap 'kill -9 $service_pid 2>/dev/null || true; rm -rf "$work"' EXIT
active() { curl -s -H "Authorization: Bearer $TOKEN" "$api/ruleset" | sed 's/.*"sha256":"\([0-9a-f]*\)".*/\1/'; }
upload() { curl -s -H "Authorization: Bearer $ADMIN" -F "workbook=@$1" -F "uploadedBy=faults" "$api/rulesets"; }

start
original=$(active)
edited=$(upload e2e/fixtures/local-number.drl.xlsx | sed 's/.*"sha256":"\([0-9a-f]*\)".*/\1/' | head -c 64)

# 1. Sustained load while uploading, activating and rolling back.
(
  end=$(( $(date +%s) + seconds ))
  changes=0
  while [ "$(date +%s)" -lt "$end" ]; do
    upload e2e/fixtures/with-error.drl.xlsx > /dev/null
    upload e2e/fixtures/local-number.drl.xlsx > /dev/null
    curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" -XPOST "$api/rulesets/$edited/activate"
    curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" -XPOST "$api/rulesets/rollback"
    changes=$((changes + 4))
  done
  echo "$changes" > "$work/changes"
) &
changer=$!
out=$(wrk -t1 -c16 -d"${seconds}s" --latency -s bench/decision.lua "$api/decisions")
wait $changer
requests=$(awk '/requests in/ {print $1}' <<< "$out")
non2xx=$(awk '/Non-2xx/ {print $5}' <<< "$out"); non2xx=${non2xx:-0}
socket=$(grep -c "Socket errors" <<< "$out" || true)
echo "load: $requests decisions in ${seconds}s during $(cat "$work/changes") uploads/activations/roll backs; non-2xx: $non2xx; socket error lines: $socket"
echo "$out" | grep -E "Requests/sec|99%" || true
[ "$non2xx" = 0 ] && [ "$socket" = 0 ] || { echo "faults: decisions failed under load" >&2; exit 1; }
[ "$(active)" = "$original" ] || { echo "faults: unexpected active version after the load" >&2; exit 1; }

# 2. The lowest role floods the service with 15 MB bodies while decisions flow.
big="$work/big.json"
head -c $((15 * 1024 * 1024)) /dev/zero | tr '\0' ' ' > "$big"
rss_before=$(( $(ps -o rss= -p "$service_pid") / 1024 ))
(
  for i in $(seq 1 48); do
    extra=()
    case $((i % 4)) in 0) path="decisions" ;; 1) path="decisions;x=1" ;; 2) path="decisions/" ;; 3) path="decisions"; extra=(-H 'Transfer-Encoding: chunked') ;; esac
    (curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 -XPOST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      "${extra[@]}" --data-binary @"$big" "$api/$path" >> "$work/big-codes" || true) &
  done
  wait
) &
flood=$!
out=$(wrk -t1 -c16 -d10s --latency -s bench/decision.lua "$api/decisions")
wait $flood
rss_after=$(( $(ps -o rss= -p "$service_pid") / 1024 ))
requests=$(awk '/requests in/ {print $1}' <<< "$out")
non2xx=$(awk '/Non-2xx/ {print $5}' <<< "$out"); non2xx=${non2xx:-0}
codes=$(sort "$work/big-codes" | uniq -c | tr -s ' ' | tr '\n' ',')
echo "flood: 48 x 15 MB bodies (answers: $codes); $requests decisions meanwhile, non-2xx: $non2xx; RSS $rss_before MB before, $rss_after MB after"
grep -q OutOfMemoryError "$work/service.log" && { echo "faults: OutOfMemoryError during the flood" >&2; exit 1; }
grep -qvE '^(413|411|000)$' "$work/big-codes" && { echo "faults: a 15 MB body was not refused: $codes" >&2; exit 1; }
[ "$non2xx" = 0 ] || { echo "faults: decisions failed during the flood" >&2; exit 1; }

# The same token with ever different bytes after its signature: memory must stay flat.
rss_before=$(( $(ps -o rss= -p "$service_pid") / 1024 ))
out=$(wrk -t1 -c8 -d10s -s e2e/token-variants.lua "$api/decisions")
rss_after=$(( $(ps -o rss= -p "$service_pid") / 1024 ))
requests=$(awk '/requests in/ {print $1}' <<< "$out")
echo "token variants: $requests requests with distinct token texts in 10 s; RSS $rss_before MB before, $rss_after MB after"
[ $((rss_after - rss_before)) -lt 200 ] || { echo "faults: memory grew by $((rss_after - rss_before)) MB with token variants" >&2; exit 1; }

# 3. Kill during uploads, at different moments, and restart on the same store.
versions_before=$(ls "$store/versions" | wc -l)
for delay in 0.2 1 2.5; do
  upload e2e/fixtures/local-number.drl.xlsx > /dev/null &
  (sleep 0.05; curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" -XPOST "$api/rulesets/$edited/activate") &
  sleep "$delay"
  kill -9 "$service_pid"; wait "$service_pid" 2>/dev/null || true
  start
  now=$(active)
  [ "$now" = "$original" ] || [ "$now" = "$edited" ] || { echo "faults: after a kill the active version is unknown: $now" >&2; exit 1; }
  curl -sf -H "Authorization: Bearer $ADMIN" "$api/rulesets" > /dev/null || { echo "faults: the store cannot be listed after a kill" >&2; exit 1; }
  code=$(curl -s -o /dev/null -w '%{http_code}' -XPOST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' "$api/decisions")
  [ "$code" = 200 ] || { echo "faults: decisions fail after a restart ($code)" >&2; exit 1; }
  [ -z "$(ls -A "$store/tmp")" ] || { echo "faults: temporary files left after restart" >&2; exit 1; }
  echo "killed after ${delay}s: restarted on $(echo "$now" | head -c 12), store intact, decisions served"
  curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" -XPOST "$api/rulesets/$original/activate"
done
echo "versions stored: $versions_before before the kills, $(ls "$store/versions" | wc -l) after; none half-written"
echo "faults: 0 failures"
