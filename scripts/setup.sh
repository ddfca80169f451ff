#!/usr/bin/env bash
# Installs what Rapport needs from Debian 12's packages (only what is missing), then builds it into build/.
# Safe to run again: a second run only rebuilds what changed. Release (-O2) without debug information,
# which takes a third of the compile time; RAPPORT_BUILD_TYPE=RelWithDebInfo bash scripts/setup.sh for it.
#   bash scripts/setup.sh           # to build and run rapport
#   bash scripts/setup.sh --tests   # also what the test suite needs (headless Chromium and fonts)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/packages.sh

packages=("${rapport_packages[@]}")
if [ "${1:-}" = "--tests" ]; then
  packages+=("${rapport_test_packages[@]}")
fi
install_missing setup "${packages[@]}"

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${RAPPORT_BUILD_TYPE:-Release}" >/dev/null
cmake --build build -j "$(nproc)"
