#!/usr/bin/env bash
# The SDK's sync beside its floor (a client that only gets a token and downloads the same pages),
# on one simulated org, alternately, 5 rounds each: benchmarks/PERFORMANCE.md, "Against the floor".
# From the project root, once cli/target/helpdesk.jar is built (mvn -B -q -DskipTests package):
#   bash benchmarks/run-floor.sh          (about 25 minutes on 2 cores)
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
    java -cp cli/target/helpdesk.jar org.workforceiam.cli.floor.FloorBench "$@"
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
