#!/usr/bin/env python3
"""Summarises a JFR recording made with FloorBench --profile DIR (settings=profile): where the CPU
samples fall (by the method on top and by every method on the stack), what was allocated (by type,
by the allocating method and by every method on the stack; JFR's own allocations left out), and the
JIT compilations JFR recorded (those over its threshold).

Usage: python3 benchmarks/jfr-summary.py RECORDING.jfr [N]   (needs the JDK's jfr tool on the PATH)
"""
import collections
import json
import re
import subprocess
import sys


def events(path, kind):
    out = subprocess.run(["jfr", "print", "--json", "--events", kind, path],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]


def method(frame):
    m = frame["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]


def seconds(duration):
    match = re.match(r"PT(?:(\d+)M)?([\d.]+)S", duration)
    return (int(match.group(1) or 0) * 60 + float(match.group(2))) if match else 0.0


def top(counter, n, total, unit):
    for key, value in counter.most_common(n):
        share = f"{100 * value / total:5.1f}%" if total else ""
        print(f"  {value / unit:9.1f} {share} {key}" if unit != 1 else f"  {value:6d} {share} {key}")


def main(path, n):
    samples = events(path, "jdk.ExecutionSample")
    on_top, anywhere = collections.Counter(), collections.Counter()
    for event in samples:
        frames = (event["values"]["stackTrace"] or {}).get("frames") or []
        if frames:
            on_top[method(frames[0])] += 1
        for name in {method(frame) for frame in frames}:
            anywhere[name] += 1
    print(f"{path}: {len(samples)} CPU samples")
    print("CPU samples by the method on top:")
    top(on_top, n, len(samples), 1)
    print("CPU samples by every method on the stack:")
    top(anywhere, n, len(samples), 1)

    by_type, by_frame, by_stack = collections.Counter(), collections.Counter(), collections.Counter()
    total = jfr_own = 0
    for event in events(path, "jdk.ObjectAllocationSample"):
        values = event["values"]
        frames = (values["stackTrace"] or {}).get("frames") or []
        names = [method(frame) for frame in frames]
        if any(name.startswith("jdk.jfr.") for name in names):
            jfr_own += values["weight"]
            continue
        total += values["weight"]
        by_type[values["objectClass"]["name"].replace("/", ".")] += values["weight"]
        if names:
            by_frame[names[0]] += values["weight"]
        for name in set(names):
            by_stack[name] += values["weight"]
    print(f"Allocation samples: {total / 1e6:.1f} MB in all ({jfr_own / 1e6:.1f} MB of JFR's own left out)")
    print("  by type (MB):")
    top(by_type, n, total, 1e6)
    print("  by the allocating method (MB):")
    top(by_frame, n, total, 1e6)
    print("  by every method on the stack (MB):")
    top(by_stack, n, total, 1e6)

    compilations = events(path, "jdk.Compilation")
    print(f"JIT compilations recorded (over JFR's threshold): {len(compilations)}")
    for event in sorted(compilations, key=lambda e: -seconds(e["values"]["duration"]))[:n]:
        values = event["values"]
        print(f"  {seconds(values['duration']) * 1000:7.0f} ms  level {values['compileLevel']}"
              f"  {values.get('codeSize', 0) / 1024:6.1f} KiB code  {method(values)}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20)
