#!/usr/bin/env bash
# The SDK's sync beside its floor (a client that only gets a token and downloads the same pages),
# on one simulated Okta org or Entra tenant, alternately, 5 rounds each: benchmarks/PERFORMANCE.md,
# "Against the floor".
# From the project root, once cli/target/helpdesk.jar is built (mvn -B -q -DskipTests package):
#   bash benchmarks/run-floor.sh          (about 17 minutes on 2 cores)
# Each run is one command of its own; its raw output goes to benchmarks/results/floor-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/results
mkdir -p "$out"
floor() { # output name, then FloorBench's options
  local name=$1
  shift
  {
    echo "commit: $(git log -1 --format=%h) (the jar: cli/target/helpdesk.jar, built from it)"
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
      "$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
    java -cp cli/target/helpdesk.jar org.workforceiam.cli.floor.FloorBench "$@" 2>&1
  } | tee "$out/$name.txt"
}

# Okta's largest page, 1000: the goals at 50,000 members, DPoP required and off.
floor floor-50000-dpop --members 50000 --rounds 5
floor floor-50000-no-dpop --members 50000 --rounds 5 --no-dpop --only embedded --only process
# The scale curve.
floor floor-10000-dpop --members 10000 --rounds 5 --only embedded --only process
floor floor-100000-dpop --members 100000 --rounds 5 --only embedded --only process
# The 100,000-member sync in a 64 MiB heap (both clients under the same cap).
floor floor-100000-dpop-xmx64m --members 100000 --rounds 5 --only embedded --only process \
  --jvm-option -Xmx64m
# Entra: Graph's largest page, 999, on the simulated tenant, a certificate's client assertion;
# and its scale curve.
floor floor-50000-entra --provider entra --members 50000 --rounds 5
floor floor-10000-entra --provider entra --members 10000 --rounds 5 --only embedded --only process
floor floor-100000-entra --provider entra --members 100000 --rounds 5 --only embedded --only process
# The tokenizing floor: every JSON token of every page walked with Moshi's JsonReader, nothing built.
floor floor-50000-tokenize --members 50000 --rounds 5 --only embedded --only process --tokenize
floor floor-50000-entra-tokenize --provider entra --members 50000 --rounds 5 --only embedded --only process --tokenize

# What two of the JVM's defaults cost each client, both clients run with the same option, 3 rounds:
# the C1 compiler alone (how much of the gap is C2 compiling the decoder on 2 cores) and the serial
# collector (how much is G1's own work). Evidence only: users run the jar with the defaults.
floor floor-50000-c1 --members 50000 --rounds 3 --only embedded --only process \
  --jvm-option -XX:TieredStopAtLevel=1
floor floor-50000-serial --members 50000 --rounds 3 --only embedded --only process \
  --jvm-option -XX:+UseSerialGC

# The evidence quoted in PERFORMANCE.md, "Where the rest goes", one round each at 50,000 members:
# JIT compilation time and native memory at exit (embedded), the collector's log (process),
# the classes each process loads, and a flight recording of each run, summarised.
floor floor-50000-jit-nmt --members 50000 --rounds 1 --only embedded --jvm-option -XX:+CITime \
  --jvm-option -XX:NativeMemoryTracking=summary --jvm-option -XX:+UnlockDiagnosticVMOptions \
  --jvm-option -XX:+PrintNMTStatistics
floor floor-50000-gc --members 50000 --rounds 1 --only process --jvm-option -Xlog:gc*:stderr
classes=$(mktemp -d)
floor floor-50000-classes --members 50000 --rounds 1 --only process \
  --jvm-option "-Xlog:class+load:file=$classes/%p.txt" > /dev/null
for file in "$classes"/*.txt; do
  if grep -q 'org.workforceiam.cli.Helpdesk ' "$file"; then
    what="helpdesk sync --format jsonl"
  elif grep -q 'org.workforceiam.cli.floor.FloorSync ' "$file"; then
    what="the floor, FloorSync"
  elif grep -q 'org.workforceiam.okta.OktaClient ' "$file"; then
    what="MeteredSync sdk (the org's warm-up)"
  else
    what="MeteredSync floor (the org's warm-up)"
  fi
  echo "$what: $(wc -l < "$file") classes loaded, $(grep -vc 'shared objects file' "$file") of them" \
    "not from the JDK's class data sharing archive"
done | sort | tee -a "$out/floor-50000-classes.txt"
rm -r "$classes"
profiles=$(mktemp -d)
floor floor-50000-profile --members 50000 --rounds 1 --only embedded --only process \
  --profile "$profiles" > /dev/null
for recording in "$profiles"/round1-*.jfr; do
  python3 benchmarks/jfr-summary.py "$recording" 25
done | tee -a "$out/floor-50000-profile.txt"
rm -r "$profiles"
