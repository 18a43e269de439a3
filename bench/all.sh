#!/usr/bin/env bash
# Reproduces every figure in docs/performance.md, in order, on this machine:
#   library decision (JMH), table analysis, start-up to first decision and RSS,
#   service throughput against the bare endpoint with p50/p99, activation time and
#   latency during activations.
# Needs wrk (apt-get install -y wrk). Takes about 5 minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
mvn -q -B -ntp -DskipTests package

echo "== library: one full decision (JMH)"
bench/jmh.sh -f 1 -wi 3 -w 2s -i 5 -r 2s 2>&1 | grep -E "^Benchmark|DecideBenchmark"

echo "== table analysis (bin/rules analyse)"
bin/rules analyse decision-tables | tail -1

echo "== service start-up to first decision, and resident memory"
work="$(mktemp -d)"
export SAFEGUARDING_KEYS="$work/keys"
token=$(bin/rules token --role decision-client)
start=$(date +%s%N)
java -XX:+UseSerialGC -Dquarkus.http.port=18093 -Dquarkus.management.port=19093 -Dsafeguarding.store.path="$work/store" \
  -Dmp.jwt.verify.publickey.location="$work/keys/public-key.pem" -jar rules-service/target/quarkus-app/quarkus-run.jar > /dev/null 2>&1 &
pid=$!
until curl -sf -o /dev/null -XPOST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' \
  http://127.0.0.1:18093/api/v1/decisions; do sleep 0.05; done
echo "start-up to first decision: $(( ($(date +%s%N) - start) / 1000000 )) ms; RSS after start: $(( $(ps -o rss= -p $pid) / 1024 )) MB"
kill $pid; wait $pid 2>/dev/null || true; rm -rf "$work"

echo "== service throughput: decisions against the bare endpoint"
bench/wrk.sh 20 32

echo "== activation"
bench/activation.sh 20
