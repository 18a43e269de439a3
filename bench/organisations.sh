#!/usr/bin/env bash
# Organisations by the thousand: an engine per organisation (its own contacts) over one proven rule
# set. First the memory: 10,000 engines in a 512 MB heap, the heap they add and the time each took;
# then JMH: making one, and a decision through one against the shipped engine.
# Usage: bench/organisations.sh [count]   (default 10000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -DskipTests -pl rules-benchmarks -am package
java -Xmx512m -XX:+UseSerialGC -cp "rules-benchmarks/target/classes:rules-benchmarks/target/lib/*" \
  org.safeguarding.rules.benchmarks.OrganisationsFootprint "${1:-10000}"
BENCHMARKS=OrganisationsBenchmark bench/jmh.sh -f 1 -wi 3 -w 2s -i 5 -r 2s 2>&1 | grep -E "^(Benchmark|OrganisationsBenchmark)"
