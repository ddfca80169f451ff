#!/usr/bin/env bash
# Runs the libFuzzer targets (docs/robustness.md) for a bounded time each, as many at once as there are
# cores (RAPPORT_FUZZ_JOBS=N to change that; CI runs all five at once), after building them
# (scripts/sanitize.sh --build). Each starts from its seed corpus in fuzz/corpus/NAME and keeps what it
# finds in build-sanitize/fuzz/corpus/NAME, so later runs go on from there. A crash, a leak, a sanitizer
# report or an input slower than 10 s fails the run; its input is saved in build-sanitize/fuzz/artifacts/
# (move it to fuzz/regressions/NAME/ with the fix).
#   bash scripts/fuzz.sh [SECONDS] [NAME...]        # default: 60 s of wall time each, every target
#   bash scripts/fuzz.sh --cpu SECONDS [NAME...]    # SECONDS of each fuzzer's own CPU time, however busy
#                                                   # the machine is (the campaigns of docs/robustness.md)
# An input slower than RAPPORT_FUZZ_TIMEOUT seconds of wall time fails the run (10, or 60 with --cpu).
set -euo pipefail
cd "$(dirname "$0")/.."
cpu=false
if [ "${1:-}" = "--cpu" ]; then
  cpu=true
  shift
fi
seconds=${1:-60}
timeout=${RAPPORT_FUZZ_TIMEOUT:-$($cpu && echo 60 || echo 10)}   # seconds one input may take
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(rules profile csv jsonl evaluator)

bash scripts/sanitize.sh --build "${targets[@]/%/_fuzzer}"
work=build-sanitize/fuzz
mkdir -p "$work/artifacts" "$work/logs"

# The CPU time a process has used so far, in whole seconds; nothing once it has gone.
cpu_seconds() {
  local stat fields
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  stat=${stat##*) }   # the fields after the command's name, which may hold spaces
  read -r -a fields <<<"$stat"
  echo $(((fields[11] + fields[12]) / $(getconf CLK_TCK)))
}

run_one() {
  local name=$1 wall=$seconds now
  mkdir -p "$work/corpus/$name"
  # Under --cpu the wall-clock limit is only a backstop; the fuzzer is interrupted (it then prints its
  # final statistics, as at the time limit) once it has had its CPU time. libFuzzer's -timeout is wall
  # time too, so on a machine busy with other work a campaign allows more than CI's 10 s per input. (At
  # four times the budget, a campaign beside a full build once stopped at this backstop.)
  $cpu && wall=$((seconds * 10))
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "build-sanitize/bin/${name}_fuzzer" -max_total_time="$wall" -timeout="$timeout" -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/$name-" \
    "$work/corpus/$name" "fuzz/corpus/$name" >"$work/logs/$name.log" 2>&1 &
  local pid=$! used=0
  # Sampled while it runs, for the table: what the fuzzer itself had of the machine.
  while kill -0 "$pid" 2>/dev/null; do
    now=$(cpu_seconds "$pid")
    [ -z "$now" ] || used=$now
    if $cpu && [ "$used" -ge "$seconds" ]; then
      kill -INT "$pid" 2>/dev/null || true
      break
    fi
    sleep 2
  done
  wait "$pid" || true
  echo "$used" >"$work/logs/$name.cpu"
}

failed=()
running=0
pids=()
names=()
for name in "${targets[@]}"; do
  run_one "$name" &
  pids+=($!)
  names+=("$name")
  running=$((running + 1))
  if [ "$running" -ge "${RAPPORT_FUZZ_JOBS:-$(nproc)}" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" 2>/dev/null || true
done

printf '%-10s %8s %12s %10s %8s %8s  %s\n' target cpu_s executions exec/s coverage new result
for name in "${targets[@]}"; do
  log=$work/logs/$name.log
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  added=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -1)
  used=$(cat "$work/logs/$name.cpu" 2>/dev/null || echo '?')
  if grep -qE '^==[0-9]+==ERROR|^SUMMARY: |deadly signal|ALARM: working on the last Unit|runtime error:' "$log" ||
     [ -z "$runs" ]; then
    result="FAILED (see $log)"
    failed+=("$name")
  else
    result=ok
  fi
  printf '%-10s %8s %12s %10s %8s %8s  %s\n' "$name" "$used" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${added:-?}" "$result"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${failed[*]} failed; the inputs are in $work/artifacts/" >&2
  for name in "${failed[@]}"; do tail -40 "$work/logs/$name.log" >&2; done
  exit 1
fi
