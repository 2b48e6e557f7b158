#!/usr/bin/env python3
"""Turns bench/results/sync.txt (the raw output of run-all.sh) into the tables of PERFORMANCE.md:
every run, then the median of the rounds for each client and group size."""
import re
import statistics
import sys
from collections import defaultdict

FIELDS = {
    "members/s": r"([\d.]+)",
    "wall time": r"([\d.]+) s",
    "time to first employee": r"(\d+) ms",
    "peak heap used": r"([\d.]+) MiB",
    "heap after gc": r"([\d.]+) MiB",
    "allocated": r", (\d+) B/member",
    "cpu": r"([\d.]+) s in this JVM",
    "org cpu": r"([\d.]+) s in the simulated org",
    "requests": r"(\d+)",
    "token requests": r"(\d+)",
}
COLUMNS = ["members/s", "wall time", "time to first employee", "peak heap used", "heap after gc",
           "allocated", "cpu", "org cpu", "requests", "token requests"]
HEADER = ("| run | members/s | wall s | first ms | peak heap MiB | heap after GC MiB | B/member"
          " | client CPU s | org CPU s | requests | token req. | load |")


def runs(text):
    for block in text.split("=== ")[1:]:
        head, _, body = block.partition("\n")
        label, _, load = head.partition(" | load: ")
        values = {}
        for line in body.splitlines():
            name, sep, value = line.partition(": ")
            if sep and name in FIELDS:
                match = re.search(FIELDS[name], value)
                if match:
                    values[name] = float(match.group(1))
        yield label.strip(), load.split()[0] if load else "?", values


def row(label, values, load):
    cells = []
    for name in COLUMNS:
        value = values.get(name)
        cells.append("?" if value is None else (f"{value:.3f}" if name in ("wall time", "cpu", "org cpu")
                                                else f"{value:.1f}" if "heap" in name
                                                else f"{value:.0f}"))
    return f"| {label} | " + " | ".join(cells) + f" | {load} |"


def main(path):
    text = open(path, encoding="utf-8").read()
    all_runs = list(runs(text))
    print("All runs:\n")
    print(HEADER)
    print("|" + "---|" * 12)
    groups = defaultdict(list)
    for label, load, values in all_runs:
        print(row(label, values, load))
        key = re.sub(r"^round \d+, ", "", label)
        if key != label:
            groups[key].append(values)
    print("\nMedians of the rounds:\n")
    print(HEADER)
    print("|" + "---|" * 12)
    for key, runs_of_key in groups.items():
        median = {}
        for name in COLUMNS:
            present = [v[name] for v in runs_of_key if name in v]
            if present:
                median[name] = statistics.median(present)
        print(row(f"{key} (median of {len(runs_of_key)})", median, "-"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/results/sync.txt")
