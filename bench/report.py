#!/usr/bin/env python3
"""The Markdown table of bench/run.sh: reads RESULTS/micro.json, growth.json (Google Benchmark) and
figures.txt (the end-to-end figures and callgrind counts), prints each target of issue 7 with the
measured value and whether it is met, then the detail tables. Prints only what was measured."""
import json
import statistics
import sys
from pathlib import Path

RULES, PROFILES, BLOCK = 1000, 100_000, 256


def load_benchmarks(path):
    """run_name -> the median of its repetitions (or its single run)."""
    if not path.exists():
        return {}
    runs = {}
    for b in json.loads(path.read_text())["benchmarks"]:
        name = b.get("run_name", b["name"])
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        if b.get("error_occurred"):
            continue
        runs[name] = b
    return runs


def load_figures(path):
    figures = {}
    for line in path.read_text().splitlines():
        key, _, value = line.partition("=")
        figures[key] = value
    return figures


def num(x, digits=1):
    return f"{x:,.{digits}f}"


def verdict(ok):
    return "yes" if ok else "**NOT MET**"


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def targets(micro, figures):
    rows = []
    native = micro.get("evaluation_native")
    block = micro.get("evaluation_block")
    interpreter = micro.get("evaluation_interpreter")
    if native and block:
        ratio = block["ns_per_profile_rule"] / native["ns_per_profile_rule"]
        rows.append(["Evaluation core: block evaluator vs native (32 metrics × 1,000 rules × 100,000 profiles)",
                     "≤ 2× native", f"{num(block['ns_per_profile_rule'], 3)} vs {num(native['ns_per_profile_rule'], 3)} "
                     f"ns per profile×rule: {num(ratio, 2)}×", verdict(ratio <= 2)])
    elif native:
        rows.append(["Evaluation core: block evaluator vs native", "≤ 2× native",
                     "not measured: this build has no block evaluator (engine/block_program.cpp)", "—"])
    if native and interpreter:
        ratio = interpreter["ns_per_profile_rule"] / native["ns_per_profile_rule"]
        rows.append(["Evaluation core: interpreter (engine::run per finding) vs native", "(baseline)",
                     f"{num(interpreter['ns_per_profile_rule'], 3)} vs {num(native['ns_per_profile_rule'], 3)} "
                     f"ns per profile×rule: {num(ratio, 2)}×", "—"])

    if "batch_skipped" in figures:
        rows.append(["End to end: rapport batch, bundled rules, JSON Lines in and out, --threads 2",
                     "≥ 1,000,000 profiles/s", "not measured: " + figures["batch_skipped"], "—"])
        rows.append(["Memory: peak RSS of rapport batch at 1,000,000 vs 10,000 profiles", "≤ 1.2×",
                     "not measured: " + figures["batch_skipped"], "—"])
    elif "batch_profiles" in figures:
        count = int(figures["batch_profiles"])
        secs = sorted(float(figures[f"batch_realistic_{i}_seconds"]) for i in (1, 2, 3))
        rate = count / statistics.median(secs)
        rows.append([f"End to end: rapport batch, bundled rules, {count:,} profiles, JSON Lines in and out, --threads 2",
                     "≥ 1,000,000 profiles/s", f"{num(rate, 0)} profiles/s (median of 3: {', '.join(num(s, 2) for s in secs)} s)",
                     verdict(rate >= 1_000_000)])
        if "floor_1_seconds" in figures:
            floor = sorted(float(figures[f"floor_{i}_seconds"]) for i in (1, 2, 3))
            floor_rate = count / statistics.median(floor)
            rows.append([f"The floor under it: reading, parsing every value (simdjson) and writing lines of "
                         f"{figures['floor_line_bytes']} bytes alone, nothing checked or evaluated, 2 threads (bench/floor.cpp)",
                         "(bound)", f"{num(floor_rate, 0)} profiles/s (median of 3: {', '.join(num(s, 2) for s in floor)} s); "
                         f"rapport takes {num(rate / floor_rate * 100, 0)}% of its speed", "—"])
        big = int(figures["batch_realistic_1_rss_kib"])
        small = int(figures["batch_rss_10000_rss_kib"])
        rows.append([f"Memory: peak RSS of rapport batch at {count:,} vs 10,000 profiles", "≤ 1.2×",
                     f"{num(big / 1024)} MiB vs {num(small / 1024)} MiB: {num(big / small, 2)}×", verdict(big <= 1.2 * small)])

    for name, label in (("loading_synthetic_rules/rules:1000", "Loading a 1,000-rule file (parse, check for errors, compile: what assess and batch do)"),
                        ("loading_bundled_rules", "Loading the bundled rules/ (parse, check for errors, compile)")):
        b = micro.get(name)
        if not b:
            continue
        ms = b["cpu_time"]
        mbs = b["bytes_per_second"] / 1e6
        size = b["rule_bytes"] / 1000
        goal = "≥ 20 MB/s, < 50 ms" if "1,000" in label else "≥ 20 MB/s"
        ok = mbs >= 20 and (ms < 50 or "1,000" not in label)
        rows.append([f"{label}, {num(size)} kB", goal, f"{num(mbs)} MB/s, {num(ms, 2)} ms", verdict(ok)])

    if "assess_ms_all" in figures:
        times = [float(t) for t in figures["assess_ms_all"].split()]
        median = statistics.median(times)
        rows.append(["rapport assess examples/northwind-retail.toml, process start included (wall)", "< 20 ms",
                     f"median {num(median, 1)} ms of {len(times)} (min {num(min(times), 1)}, max {num(max(times), 1)})",
                     verdict(median < 20)])
    return table(["Target", "Goal", "Measured", "Met"], rows)


def core(micro):
    rows = []
    native = micro.get("evaluation_native")
    for name, label in (("evaluation_native", "native (generated straight-line C++, -O2)"),
                        ("evaluation_block", "Rapport: block evaluator (FindingsBlockProgram, 256 profiles in columns)"),
                        ("evaluation_interpreter", "Rapport: interpreter (engine::run per finding per profile)"),
                        ("evaluation_batch_evaluator", "Rapport: BatchEvaluator::evaluate (evidence, findings, ranking)")):
        b = micro.get(name)
        if not b:
            continue
        ratio = b["ns_per_profile_rule"] / native["ns_per_profile_rule"] if native else float("nan")
        rows.append([label, num(b["ns_per_profile_rule"], 3), num(b["cpu_time"], 1), num(b["profiles_per_second"], 0),
                     f"{num(ratio, 2)}×"])
    return table(["Evaluator", "ns per profile×rule", "ms per 100,000 profiles", "profiles/s", "× native"], rows)


def growth(runs):
    evaluators = [e for e in ("native", "block", "interpreter") if any(k.startswith(f"growth_{e}/") for k in runs)]
    sizes = (1000, 10000, 100000)
    rows = []
    for e in evaluators:
        for rules in (100, 1000, 10000):
            cells = []
            for profiles in sizes:
                b = runs.get(f"growth_{e}/rules:{rules}/profiles:{profiles}")
                cells.append(f"{num(b['ns_per_profile_rule'], 3)} ({num(b['cpu_time'], 1)} ms)" if b else "—")
            rows.append([e, f"{rules:,}"] + cells)
    header = ["Evaluator", "Rules"] + [f"{p:,} profiles" for p in sizes]
    return table(header, rows)


def loading(micro):
    rows = []
    for name, b in micro.items():
        if not name.startswith(("loading_", "checking_")):
            continue
        what = "errors only (assess, batch)" if name.startswith("loading_") else "with the lints (rapport check)"
        label = "bundled rules/" if name.endswith("_bundled_rules") else f"synthetic, {name.split(':')[-1]} rules"
        rows.append([label, what, num(b["rule_bytes"] / 1000), num(b["cpu_time"], 2), num(b["bytes_per_second"] / 1e6)])
    return table(["Rule text", "Checks", "kB", "ms (parse, check, compile)", "MB/s"], rows)


def callgrind(figures):
    rows = []
    per_block = BLOCK * RULES
    for key, label, unit, per in (
            ("load_bundled_rules", "Loading the bundled rules (parse, check, compile)", "per byte of rule text",
             int(figures.get("bundled_rule_bytes", 0)) or None),
            ("load_synthetic_1000", "Loading the 1,000-rule synthetic file", "per byte of rule text",
             int(figures.get("rule_file_bytes", 0)) or None),
            ("assess_engine", "One assess in the engine: load_profile + evaluate (northwind-retail)", None, None),
            ("block_native", "One block of 256 profiles × 1,000 rules: native", "per profile×rule", per_block),
            ("block_block", "One block of 256 profiles × 1,000 rules: block evaluator", "per profile×rule", per_block),
            ("block_interpreter", "One block of 256 profiles × 1,000 rules: interpreter", "per profile×rule", per_block),
            ("process_check", "Whole process: rapport check (bundled rules)", None, None),
            ("process_assess", "Whole process: rapport assess examples/northwind-retail.toml", None, None),
            ("process_batch_10000", "Whole process: rapport batch, 10,000 realistic profiles, --threads 1", "per profile",
             10_000)):
        value = figures.get(f"callgrind_{key}")
        if not value:
            continue
        count = int(value)
        rows.append([label, f"{count:,}", f"{num(count / per, 1)} {unit}" if per else ""])
    return table(["Path", "Instructions", ""], rows)


def main():
    results = Path(sys.argv[1])
    figures = load_figures(results / "figures.txt")
    micro = load_benchmarks(results / "micro.json")
    growth_runs = load_benchmarks(results / "growth.json")
    print(f"# Rapport benchmarks ({figures.get('date', '?')})\n")
    print(f"Machine: {figures.get('cpu', '?')}, {figures.get('cores', '?')} cores, {figures.get('memory_gib', '?')} GiB RAM. "
          f"Commit {figures.get('commit', '?')}, seed {figures.get('seed', '?')}. Load average (1, 5, 15 min) "
          f"before: {figures.get('load_before', '?')}, after: {figures.get('load_after', '?')}. "
          "Micro benchmarks: CPU time, median of the repetitions; end-to-end figures: wall time.\n")
    if figures.get("rapport_binary", "").rstrip("/") not in ("", "build-bench/bin/rapport"):
        print(f"End-to-end figures measured with {figures['rapport_binary']}.\n")
    print("## Targets\n")
    print(targets(micro, figures) + "\n")
    print("## Evaluation core: 32 share metrics × 1,000 rules × 100,000 profiles\n")
    print(core(micro) + "\n")
    if growth_runs:
        print("## Growth: ns per profile×rule (CPU ms for all profiles)\n")
        print(growth(growth_runs) + "\n")
    print("## Loading rules\n")
    print(loading(micro) + "\n")
    if any(k.startswith("callgrind_") for k in figures):
        print("## Callgrind instruction counts\n")
        print(callgrind(figures) + "\n")
    if "batch_synthetic_seconds" in figures:
        secs = float(figures["batch_synthetic_seconds"])
        print(f"Also: rapport batch on the synthetic workload (100,000 profiles × 1,000 rules, --threads 2): "
              f"{num(100_000 / secs, 0)} profiles/s, {num(secs, 2)} s.\n")


if __name__ == "__main__":
    main()
