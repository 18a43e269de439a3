#!/usr/bin/env bash
# Start-up, as users meet it: `echo '{}' | bin/rules decide` as a whole process, and the service
# from launch to its first decision, on a fresh store and on restart with the same store.
# Usage: bench/startup.sh [runs, default 5]. Prints each run and the median.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"
app=rules-service/target/quarkus-app/quarkus-run.jar
[ -f "$app" ] || mvn -q -B -ntp -DskipTests -pl rules-service -am package
. bin/lib/service.sh # SERVICE_JVM: the JVM options the service runs with
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo '{}' | bin/rules decide > /dev/null # builds the CLI on first use; not measured
times=()
for _ in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  echo '{}' | bin/rules decide > /dev/null
  times+=("$(ms "$start")")
done
echo "bin/rules decide, whole process: ${times[*]} ms; median $(echo "${times[*]}" | median) ms"

work="$(mktemp -d)"
pid=
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
export SAFEGUARDING_KEYS="$work/keys"
token=$(bin/rules token --role decision-client)
sharing=$(service_class_sharing "$app") # recorded once per build, like the CLI's; not measured
port=18094
# Launch to first decision answered (200), which is also when readiness turns UP.
first_decision() {
  local start
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java $SERVICE_JVM $sharing -Dquarkus.http.port=$port -Dquarkus.management.port=$((port + 1000)) -Dsafeguarding.store.path="$work/store" \
    -Dmp.jwt.verify.publickey.location="$work/keys/public-key.pem" -jar "$app" > "$work/service.log" 2>&1 &
  echo $! > "$work/pid"
  until curl -sf -o /dev/null -XPOST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' \
    http://127.0.0.1:$port/api/v1/decisions; do sleep 0.02; done
  ms "$start"
}
for kind in fresh restart; do
  times=()
  for _ in $(seq 1 "$runs"); do
    [ "$kind" = fresh ] && rm -rf "$work/store"
    times+=("$(first_decision)")
    pid=$(cat "$work/pid")
    rss=$(( $(ps -o rss= -p $pid) / 1024 ))
    kill $pid
    while kill -0 "$pid" 2>/dev/null; do sleep 0.02; done
  done
  echo "service, launch to first decision ($kind store): ${times[*]} ms; median $(echo "${times[*]}" | median) ms; RSS ${rss} MB"
done
grep -o "ready in [0-9]* ms" "$work/service.log" | tail -1 | sed 's/^/service log (restart): /'

# After an upgrade: each stored index was proven by another build (safety property 13), so the
# first start proves the active version again, once, and saves it; the start after that loads it.
/usr/bin/python3 - "$work/store" <<'PY'
import hashlib, pathlib, re, sys
for index in pathlib.Path(sys.argv[1]).glob("versions/*/proven.index"):
    data = bytearray(index.read_bytes())
    # The header: the template fingerprint, then the build identity, then the workbooks' SHA-256 (64 hex digits each).
    start = [m.start() for m in re.finditer(rb"[0-9a-f]{64}", bytes(data[:400]))][1]
    data[start] = ord("0") if data[start] != ord("0") else ord("1")
    data[-32:] = hashlib.sha256(bytes(data[:-32])).digest()
    index.write_bytes(bytes(data))
PY
upgrade=$(first_decision); pid=$(cat "$work/pid"); kill $pid; while kill -0 "$pid" 2>/dev/null; do sleep 0.02; done
after=$(first_decision); pid=$(cat "$work/pid"); kill $pid; while kill -0 "$pid" 2>/dev/null; do sleep 0.02; done
echo "service, launch to first decision after an upgrade (stored indexes from another build): ${upgrade} ms; the start after: ${after} ms"
