#!/usr/bin/env bash
# Library speed: one full decision on the bundled tables, JMH, single thread.
# Usage: bench/jmh.sh [JMH options]   (default: -f 1 -wi 3 -w 2s -i 5 -r 2s)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -DskipTests -pl rules-benchmarks -am package
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
# Benchmarks to run: BENCHMARKS (a JMH pattern), by default the decision itself.
exec java -cp "rules-benchmarks/target/classes:rules-benchmarks/target/lib/*" org.openjdk.jmh.Main "${BENCHMARKS:-DecideBenchmark}" "${args[@]}"
