#!/usr/bin/env bash
# The hardening build (docs/robustness.md) in one command: installs clang and its sanitizer and libFuzzer
# runtimes if missing, builds build-sanitize/ with AddressSanitizer and UndefinedBehaviorSanitizer (the
# `sanitize` preset of CMakePresets.json, which also builds the fuzz targets), and runs the whole test
# suite there. Any sanitizer report fails the test that caused it.
#   bash scripts/sanitize.sh            # build and run every test
#   bash scripts/sanitize.sh --build    # build only (scripts/fuzz.sh uses this)
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(grep '^packages=' scripts/setup.sh)"   # Rapport's own, as scripts/setup.sh lists them
packages+=(chromium fonts-dejavu-core fonts-liberation clang libclang-rt-14-dev libfuzzer-14-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "sanitize: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake --preset sanitize "${launcher[@]}" >/dev/null
cmake --build --preset sanitize -j "$(nproc)"
if [ "${1:-}" != "--build" ]; then
  ctest --preset sanitize
fi
