#!/usr/bin/env bash
# The benchmarks of issue 7 in one command (docs/performance.md):
#   bash bench/run.sh
# builds build-bench/ (Release, -O2, with Google Benchmark), generates the data from a seed, runs the
# micro benchmarks (JSON), then the end-to-end figures (rapport batch, peak memory, rapport assess) and
# the callgrind instruction counts, and prints a Markdown table that it also writes, with the raw
# results, to build-bench/results/. Settings, from the environment:
#   RAPPORT_BENCH_SEED=42          seed of every generated input
#   RAPPORT_BENCH_PROFILES=1000000 realistic profiles for the end-to-end batch figures
#   RAPPORT_BENCH_REPETITIONS=3    repetitions of each micro benchmark (the median is reported)
#   RAPPORT_BENCH_GROWTH=1         0 leaves out the growth table (its 10,000-rule shapes take minutes)
#   RAPPORT_BENCH_CALLGRIND=1      0 leaves out the callgrind counts
#   RAPPORT_BENCH_RAPPORT=...      another rapport executable for the end-to-end figures (default: build-bench's)
set -euo pipefail
export LC_ALL=C  # decimal points in EPOCHREALTIME and awk
cd "$(dirname "$0")/.."

seed=${RAPPORT_BENCH_SEED:-42}
e2e_profiles=${RAPPORT_BENCH_PROFILES:-1000000}
repetitions=${RAPPORT_BENCH_REPETITIONS:-3}
build=build-bench
results=$build/results
data=$build/data
bin=$build/bin
rapport=${RAPPORT_BENCH_RAPPORT:-$bin/rapport}

say() { printf '\n== %s\n' "$*" >&2; }

# ---- packages: Rapport's own, plus Google Benchmark, valgrind and GNU time (only what is missing)
source scripts/packages.sh
install_missing bench "${rapport_packages[@]}" libbenchmark-dev valgrind time python3

# ---- build: Release at -O2 for Rapport and the native programs alike
say "building $build (Release, -O2)"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" \
      -DRAPPORT_BENCH=ON -DBUILD_TESTING=OFF -DRAPPORT_BENCH_SEED="$seed" "${launcher[@]}" >/dev/null
cmake --build "$build" -j "$(nproc)" --target rapport rapport-bench rapport-bench-callgrind rapport-bench-generate rapport-bench-floor

rm -rf "$results"
mkdir -p "$results/callgrind" "$data"
figures=$results/figures.txt   # name=value lines for bench/report.py
: >"$figures"
figure() { echo "$1=$2" >>"$figures"; }

# ---- the machine and the run
figure date "$(date -u +%Y-%m-%dT%H:%MZ)"
figure cpu "$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
figure cores "$(nproc)"
figure memory_gib "$(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)"
figure commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
figure seed "$seed"
figure rapport_binary "$rapport"
figure load_before "$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- data, all from the seed
say "generating data (seed $seed)"
"$bin/rapport-bench-generate" rules --rules 1000 --seed "$seed" -o "$data/synthetic-1000.rules"
"$bin/rapport-bench-generate" profiles --rules 1000 --count 100000 --seed "$seed" -o "$data/synthetic-100000.jsonl"
for count in 10000 "$e2e_profiles"; do
  [ -s "$data/realistic-$count.jsonl" ] && [ "$data/realistic-$count.jsonl" -nt "$bin/rapport-bench-generate" ] &&
    [ "$(cat "$data/realistic-$count.seed" 2>/dev/null)" = "$seed" ] && continue
  "$bin/rapport-bench-generate" realistic --rules rules --examples examples --count "$count" --seed "$seed" \
    -o "$data/realistic-$count.jsonl"
  echo "$seed" >"$data/realistic-$count.seed"
done
figure rule_file_bytes "$(stat -c %s "$data/synthetic-1000.rules")"
figure bundled_rule_bytes "$(cat rules/*.rules | wc -c)"
figure realistic_bytes "$(stat -c %s "$data/realistic-$e2e_profiles.jsonl")"

# ---- micro benchmarks (Google Benchmark; CPU time, median of the repetitions)
say "micro benchmarks: evaluation core and loading"
"$bin/rapport-bench" --benchmark_filter='^(evaluation|loading|checking)_' --benchmark_repetitions="$repetitions" \
  --benchmark_report_aggregates_only=true --benchmark_out="$results/micro.json" --benchmark_out_format=json
if [ "${RAPPORT_BENCH_GROWTH:-1}" != 0 ]; then
  say "micro benchmarks: growth with rules and profiles"
  "$bin/rapport-bench" --benchmark_filter='^growth_' --benchmark_out="$results/growth.json" --benchmark_out_format=json
fi

# ---- end to end: rapport batch (skipped until the subcommand exists)
now() { echo "$EPOCHREALTIME"; }
seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
peak_rss_kib() { sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$1"; }
batch_run() {  # batch_run NAME INPUT [rapport batch flags...]: wall seconds and peak RSS as figures
  local name=$1 input=$2 out=$data/batch-out.jsonl
  shift 2
  local start end
  start=$(now)
  /usr/bin/time -v -o "$results/$name.time" "$rapport" batch "$input" "$@" -o - >"$out"
  end=$(now)
  figure "${name}_seconds" "$(seconds_between "$start" "$end")"
  figure "${name}_rss_kib" "$(peak_rss_kib "$results/$name.time")"
  figure "${name}_lines" "$(wc -l <"$out")"
  figure "${name}_bytes" "$(stat -c %s "$out")"
  rm -f "$out"
}
floor_run() {  # floor_run NAME INPUT LINE_BYTES: the floor under rapport batch (bench/floor.cpp), 2 threads
  local name=$1 out=$data/floor-out start end
  start=$(now)
  "$bin/rapport-bench-floor" "$2" "$out" "$3" 2 >/dev/null
  end=$(now)
  figure "${name}_seconds" "$(seconds_between "$start" "$end")"
  rm -f "$out".*
}
if "$rapport" --help | grep -qE '^ +batch( |$)'; then
  say "end to end: rapport batch, $e2e_profiles realistic profiles, --threads 2"
  figure batch_profiles "$e2e_profiles"
  for run in 1 2 3; do batch_run "batch_realistic_$run" "$data/realistic-$e2e_profiles.jsonl" --threads 2; done
  batch_run batch_rss_10000 "$data/realistic-10000.jsonl" --threads 2
  say "end to end: the floor (reading, parsing and writing alone), same input, lines as long as rapport's"
  line_bytes=$(awk -F= '$1 == "batch_realistic_1_bytes" { b = $2 } $1 == "batch_realistic_1_lines" { l = $2 }
                        END { printf "%d", (b + l - 1) / l }' "$figures")
  figure floor_line_bytes "$line_bytes"
  for run in 1 2 3; do floor_run "floor_$run" "$data/realistic-$e2e_profiles.jsonl" "$line_bytes"; done
  batch_run batch_synthetic "$data/synthetic-100000.jsonl" -r "$data/synthetic-1000.rules" --threads 2
else
  say "rapport batch does not exist in this build yet: the batch and memory figures are skipped"
  figure batch_skipped "rapport batch is not in this build"
  batch_missing=1
fi

# ---- end to end: rapport assess, process start included (median of 20, after one warm-up run)
say "end to end: rapport assess examples/northwind-retail.toml, 20 runs"
"$rapport" assess examples/northwind-retail.toml >/dev/null
times=()
for run in $(seq 20); do
  start=$(now)
  "$rapport" assess examples/northwind-retail.toml >/dev/null
  end=$(now)
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) * 1000 }')")
done
figure assess_ms_all "${times[*]}"

# ---- callgrind instruction counts: only the measured_* function of each path (setup is not counted),
# and two whole processes for comparison
instructions() { sed -n 's/^totals: *//p' "$1" | head -1; }
callgrind() {  # callgrind NAME [--toggle-collect=...] PROGRAM ARGS...
  local name=$1 out=$results/callgrind/$1.out
  shift
  valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>"$results/callgrind/$name.log"
  figure "callgrind_$name" "$(instructions "$out")"
}
if [ "${RAPPORT_BENCH_CALLGRIND:-1}" != 0 ]; then
  say "callgrind instruction counts"
  measured=--toggle-collect='measured_*'
  callgrind load_bundled_rules "$measured" "$bin/rapport-bench-callgrind" load-rules rules
  callgrind load_synthetic_1000 "$measured" "$bin/rapport-bench-callgrind" load-rules "$data/synthetic-1000.rules"
  callgrind assess_engine "$measured" "$bin/rapport-bench-callgrind" assess rules examples/northwind-retail.toml
  callgrind block_native "$measured" "$bin/rapport-bench-callgrind" native
  callgrind block_interpreter "$measured" "$bin/rapport-bench-callgrind" interpreter
  if "$bin/rapport-bench-callgrind" block >/dev/null 2>&1; then
    callgrind block_block "$measured" "$bin/rapport-bench-callgrind" block
  fi
  callgrind process_assess "$rapport" assess examples/northwind-retail.toml
  callgrind process_check "$rapport" check
  if [ -z "${batch_missing:-}" ]; then
    callgrind process_batch_10000 "$rapport" batch "$data/realistic-10000.jsonl" --threads 1 -o -
  fi
fi

figure load_after "$(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/report.py "$results" | tee "$results/summary.md"
say "written: $results/summary.md (raw: micro.json, growth.json, figures.txt, callgrind/)"
