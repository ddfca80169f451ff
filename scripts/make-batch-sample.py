#!/usr/bin/env python3
"""Writes a portfolio of client profiles as JSON Lines, one profile per line, for `rapport batch`.

Each profile is one of the example clients (examples/*.toml) moved about: shares and scales shifted
within their ranges, numbers scaled, flags sometimes flipped, group sizes redrawn, a few metrics left
out, some values written as "58%" strings or with their samples ({"count": 3, "n": 14}), and some
filled in from another example. So a portfolio has a realistic spread of findings, unknowns and
rankings. Metric kinds and ranges come from the rule files, so every profile is valid for them.

Deterministic for a given seed. From the repository root:
  python3 scripts/make-batch-sample.py                       # examples/batch/portfolio.jsonl, 300 profiles
  python3 scripts/make-batch-sample.py --count 200000 --out /tmp/big.jsonl
"""

import argparse
import glob
import json
import random
import re
import sys
import tomllib

FIRST = ["Alder", "Birch", "Cedar", "Delta", "Elm", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kestrel",
         "Linden", "Maple", "Northwind", "Oak", "Pine", "Quarry", "Rowan", "Summit", "Tide", "Upland", "Vale",
         "Willow", "Yarrow", "Zenith", "Müller", "Søndergaard", "Łódź", "São Paulo"]
SECOND = ["Retail", "Logistics", "Bank", "Insurance", "Foods", "Health", "Energy", "Media", "Telecom", "Travel",
          "Software", "Motors", "Pharma", "Fashion", "Utilities"]
SUFFIX = ["", " Ltd", " plc", " AG", " & Co.", " Group", " \"Holdings\"", " S.A.", " GmbH"]


def metric_kinds(rule_files):
    """{metric id: ("share",) | ("scale", low, high) | ("number",) | ("flag",)} from the rule files."""
    kinds = {}
    for path in rule_files:
        current = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                if m := re.match(r"metric\s+(\w+)", line):
                    current = m.group(1)
                elif current and (m := re.match(r"\s+kind\s+(share|number|flag|scale\s+(\S+)\s+to\s+(\S+))", line)):
                    if m.group(1).startswith("scale"):
                        kinds[current] = ("scale", float(m.group(2)), float(m.group(3)))
                    else:
                        kinds[current] = (m.group(1),)
                elif line.startswith("end"):
                    current = None
    return kinds


def plain(value):
    """A value as written in a profile, without its sample and with "58%" as 0.58."""
    if isinstance(value, dict):
        if "count" in value:
            return value["count"] / value["n"]
        value = value.get("value", value.get("mean"))
    if isinstance(value, str) and value.strip().endswith("%"):
        return float(value.strip()[:-1]) / 100
    return value


def moved(rng, kind, value, group_size):
    """A new value near `value`, written the way survey data arrives: plain, as a percentage, or with its sample."""
    name = kind[0]
    if name == "flag":
        return (not value) if rng.random() < 0.2 else bool(value)
    if name == "number":
        return round(max(0.0, value * rng.uniform(0.5, 1.5)), 1)
    if name == "scale":
        low, high = kind[1], kind[2]
        mean = round(min(high, max(low, value + rng.gauss(0, 0.5))), 1)
        if group_size and rng.random() < 0.1:
            return {"mean": mean, "sd": round(rng.uniform(0.4, 1.2), 2), "n": max(5, group_size - rng.randint(0, 2))}
        return mean
    share = min(1.0, max(0.0, value + rng.gauss(0, 0.12)))
    roll = rng.random()
    if group_size and roll < 0.1:
        n = max(5, group_size - rng.randint(0, 2))
        return {"count": round(share * n), "n": n}
    if roll < 0.2:
        return f"{round(share * 100)}%"
    return round(share, 2)


def profile(rng, kinds, bases, weights, index):
    base, other = rng.choices(bases, weights, k=2)
    sizes = {"it": rng.randint(6, 60), "marketing": rng.randint(6, 80)}
    name = f"{rng.choice(FIRST)} {rng.choice(SECOND)}{rng.choice(SUFFIX)}"
    record = {
        "company": {"name": f"{name} {index:05d}", "industry": base["company"].get("industry", ""),
                    "assessed_on": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"},
        "respondents": sizes,
    }
    for table in ("it", "marketing", "company_metrics"):
        values = dict(base.get(table, {}))
        if rng.random() < 0.3:  # filled in from another client's survey: other questions asked
            for key, value in other.get(table, {}).items():
                values.setdefault(key, value)
        group_size = sizes.get(table)
        out = {}
        for key, value in values.items():
            if rng.random() < 0.05:  # this question was not asked
                continue
            out[key] = moved(rng, kinds[key], plain(value), group_size)
        record[table] = out
    return record


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300, help="how many profiles (default 300)")
    parser.add_argument("--seed", type=int, default=20261015, help="random seed (default 20261015)")
    parser.add_argument("--out", default="examples/batch/portfolio.jsonl", help="file to write, or - (stdout)")
    args = parser.parse_args()

    kinds = metric_kinds(sorted(glob.glob("rules/*.rules")))
    bases = []
    for path in sorted(glob.glob("examples/*.toml")):
        with open(path, "rb") as f:
            bases.append(tomllib.load(f))
    # Client surveys (with their group sizes) are what a firm's portfolio holds; the two published study
    # populations, with few metrics, are the odd one out.
    weights = [3 if "respondents" in base else 1 for base in bases]
    rng = random.Random(args.seed)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    for index in range(1, args.count + 1):
        out.write(json.dumps(profile(rng, kinds, bases, weights, index), ensure_ascii=False, separators=(",", ":")) + "\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
