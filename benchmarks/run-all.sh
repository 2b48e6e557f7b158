#!/usr/bin/env bash
# Runs every benchmark of benchmarks/PERFORMANCE.md and keeps the raw output in benchmarks/results/.
# From the project root: bash benchmarks/run-all.sh   (about 35 minutes on 2 cores)
# Each step is also one command of its own; see PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/results
mkdir -p "$out"

mvn -B -q -DskipTests package
mvn -B -q -Pbench -pl okta-adapter -am -DskipTests package
mvn -B -q -Pbench -pl benchmarks package

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  grep -m1 'model name' /proc/cpuinfo
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  java -version 2>&1
  git log -1 --format='commit: %H'
} > "$out/machine.txt"

# JMH: decoding (with the GC profiler), signing, Link parsing.
java -jar okta-adapter/target/benchmarks.jar -prof gc -rf json -rff "$out/jmh.json" \
  | tee "$out/jmh.txt"

# End to end: ours and okta-sdk-java on the same generated group, alternately, three rounds,
# at Okta's recommended page size 200; then 100k under -Xmx64m and at page size 1000.
run() { # label, then the command
  local label=$1
  shift
  echo "=== $label | load: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$@"
  echo
}
{
  for round in 1 2 3; do
    for n in 10000 50000 100000; do
      run "round $round, ours, $n" java -jar cli/target/helpdesk.jar bench --members $n --page-size 200
      run "round $round, okta-sdk-java, $n" java -jar benchmarks/target/okta-sdk-comparison.jar --members $n --page-size 200
    done
  done
  for round in 1 2 3; do
    run "round $round, ours, 100000, -Xmx64m" java -Xmx64m -jar cli/target/helpdesk.jar bench --members 100000 --page-size 200
    run "round $round, okta-sdk-java, 100000, -Xmx64m" java -Xmx64m -jar benchmarks/target/okta-sdk-comparison.jar --members 100000 --page-size 200
  done
  run "ours, 100000, page size 1000" java -jar cli/target/helpdesk.jar bench --members 100000 --page-size 1000
  run "okta-sdk-java, 100000, page size 1000" java -jar benchmarks/target/okta-sdk-comparison.jar --members 100000 --page-size 1000
  # Why the org runs in a separate JVM: the same sync with the org outside, then inside.
  run "ours, 100000, page size 1000, -Xmx64m" java -Xmx64m -jar cli/target/helpdesk.jar bench --members 100000 --page-size 1000
  run "ours, 100000, page size 1000, -Xmx64m, simulated org in this JVM" java -Xmx64m -jar cli/target/helpdesk.jar bench --members 100000 --page-size 1000 --in-process
} 2>&1 | tee "$out/sync.txt"
python3 benchmarks/summarize.py "$out/sync.txt" > "$out/summary.md"

# The SDK's sync beside its floor, alternately (PERFORMANCE.md, "Against the floor").
bash benchmarks/run-floor.sh
# Many tenants in one JVM: idle clients, concurrent syncs, the cost of events.
bash benchmarks/run-tenants.sh
