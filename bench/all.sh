#!/usr/bin/env bash
# Reproduces every figure in docs/performance.md, in order, on this machine:
#   library decision (JMH, index and Drools, mean and p50), DecisionEngine.bundled() in a warm
#   JVM, 10,000 engines with their own contacts, table analysis, start-up (bin/rules decide; the service on a fresh store and on
#   restart), service throughput against the bare endpoint with p50/p99 and RSS, activation
#   time and latency during activations.
# Needs wrk (apt-get install -y wrk). Takes about 8 minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
mvn -q -B -ntp -DskipTests package

echo "== library: one full decision (JMH), index and Drools, mean"
bench/jmh.sh -f 1 -wi 3 -w 2s -i 5 -r 2s 2>&1 | grep -E "^Benchmark|DecideBenchmark"
echo "== library: one full decision, percentiles"
bench/jmh.sh -f 1 -wi 3 -w 2s -i 5 -r 2s -bm sample -tu ns 2>&1 | grep -E "^Benchmark|^DecideBenchmark.*p0.(50|99) "

echo "== library: DecisionEngine.bundled() in a warm JVM (JMH)"
BENCHMARKS=BundledBenchmark bench/jmh.sh -f 1 -wi 3 -w 2s -i 5 -r 2s 2>&1 | grep -E "^Benchmark|BundledBenchmark"

echo "== organisations by the thousand: 10,000 engines with their own contacts, and deciding through one"
bench/organisations.sh 10000

echo "== the service's own work per request: read, decide, write (JMH)"
BENCHMARKS=ServiceWorkBenchmark bench/jmh.sh -f 1 -wi 3 -w 2s -i 5 -r 2s 2>&1 | grep -E "^Benchmark|ServiceWorkBenchmark"

echo "== table analysis (bin/rules analyse)"
bin/rules analyse decision-tables | tail -1

echo "== start-up"
bench/startup.sh 5

echo "== service throughput: decisions against the bare endpoint"
bench/wrk.sh 20 32

echo "== activation"
bench/activation.sh 20
