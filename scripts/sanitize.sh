#!/usr/bin/env bash
# The hardening build (docs/robustness.md) in one command: installs clang and its sanitizer and libFuzzer
# runtimes if missing, builds build-sanitize/ with AddressSanitizer and UndefinedBehaviorSanitizer (the
# `sanitize` preset of CMakePresets.json, which also builds the fuzz targets), and runs the whole test
# suite there. Any sanitizer report fails the test that caused it.
#   bash scripts/sanitize.sh            # build and run every test
#   bash scripts/sanitize.sh --build [TARGET...]   # build only, everything or the targets named
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/packages.sh
install_missing sanitize "${rapport_packages[@]}" "${rapport_test_packages[@]}" clang libclang-rt-14-dev libfuzzer-14-dev

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake --preset sanitize "${launcher[@]}" >/dev/null
if [ "${1:-}" = "--build" ]; then
  shift
  targets=()
  [ $# -eq 0 ] || targets=(--target "$@")
  cmake --build --preset sanitize -j "$(nproc)" "${targets[@]}"
else
  cmake --build --preset sanitize -j "$(nproc)"
  ctest --preset sanitize
fi
