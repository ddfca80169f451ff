#!/usr/bin/env bash
# Installs what Rapport needs from Debian 12's packages (only what is missing), then builds it into build/.
# Safe to run again: a second run only rebuilds what changed.
#   bash scripts/setup.sh           # to build and run rapport
#   bash scripts/setup.sh --tests   # also what the test suite needs (headless Chromium and fonts)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build libboost-dev libtomlplusplus-dev libfmt-dev catch2 libcli11-dev nlohmann-json3-dev libsimdjson-dev)
if [ "${1:-}" = "--tests" ]; then
  packages+=(chromium fonts-dejavu-core fonts-liberation)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${RAPPORT_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
cmake --build build -j "$(nproc)"
