#!/usr/bin/env bash
# The benchmarks of many tenants in one JVM (issue 14), with their raw output in benchmarks/results/:
# tenants.txt (idle clients, concurrent syncs of many tenants) and jmh-events.txt/.json (the call
# path with and without an event listener). From the project root: bash benchmarks/run-tenants.sh
# (about 8 minutes on 2 cores). run-all.sh runs it too.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/results
mkdir -p "$out"
jar=okta-adapter/target/benchmarks.jar
[ -f "$jar" ] || mvn -B -q -Pbench -pl okta-adapter -am -DskipTests package

run() { # label, then the command
  local label=$1
  shift
  echo "=== $label | load: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$@"
  echo
}
{
  # 1,000 idle clients over one OkHttpClient, then 1,000 that have made one call each.
  run "idle clients, serial GC" java -XX:+UseSerialGC -cp "$jar" org.workforceiam.okta.ClientFootprintBenchmark --clients 1000 --after-call
  run "idle clients, G1" java -cp "$jar" org.workforceiam.okta.ClientFootprintBenchmark --clients 1000
  # Concurrent syncs over one OkHttpClient, 8 at a time: the heap must follow the syncs in flight,
  # not the number of tenants.
  for tenants in 10 25 50; do
    run "$tenants tenants, 8 at a time" java -cp "$jar" org.workforceiam.okta.TenantSyncBenchmark --tenants $tenants --members 2000 --page-size 200 --concurrency 8
  done
  # The same in a 64 MiB heap, where the collector cannot let garbage pile up: 10 against 50 tenants.
  run "10 tenants, 8 at a time, -Xmx64m" java -Xmx64m -cp "$jar" org.workforceiam.okta.TenantSyncBenchmark --tenants 10 --members 2000 --page-size 200 --concurrency 8
  run "50 tenants, 8 at a time, -Xmx64m" java -Xmx64m -cp "$jar" org.workforceiam.okta.TenantSyncBenchmark --tenants 50 --members 2000 --page-size 200 --concurrency 8
  run "50 tenants, 2 at a time, -Xmx64m" java -Xmx64m -cp "$jar" org.workforceiam.okta.TenantSyncBenchmark --tenants 50 --members 2000 --page-size 200 --concurrency 2
} 2>&1 | tee "$out/tenants.txt"

# The call path of a page with and without an event listener, and the event work of one page alone
# (JMH, with the GC profiler).
java -jar "$jar" 'EventListenerBenchmark|EventPathBenchmark' -prof gc -rf json -rff "$out/jmh-events.json" | tee "$out/jmh-events.txt"

# The same page fetch at a commit before events existed, when BASE_JAR names its benchmarks.jar
# (made from 466e21a with this EventListenerBenchmark, minus its listener: see PERFORMANCE.md).
if [ -n "${BASE_JAR:-}" ]; then
  java -jar "$BASE_JAR" EventListenerBenchmark -prof gc -rf json -rff "$out/jmh-events-base.json" | tee "$out/jmh-events-base.txt"
fi
