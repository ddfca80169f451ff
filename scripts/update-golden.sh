#!/usr/bin/env bash
# Regenerates the golden reports in tests/golden/ from the example profiles in examples/.
#
#   bash scripts/update-golden.sh                              # uses build/bin/rapport
#   RAPPORT=/tmp/build/bin/rapport bash scripts/update-golden.sh   # any other build
#
# For each examples/NAME.toml it writes tests/golden/NAME.txt (the text report),
# tests/golden/NAME.json (JSON), tests/golden/NAME.md (Markdown) and tests/golden/NAME.html (HTML). The reports are made exactly as
# tests/cli/golden_examples_test.cpp makes them: from the repository root, with relative paths,
# with the rule set given as `-r rules` (so the JSON lists rules/x.rules, not an absolute path),
# with NO_COLOR set and the output going to a file, not a terminal (so no colour and the default
# width). Golden files whose example no longer exists are removed. Review the changes with
# `git diff tests/golden` before committing them.
set -euo pipefail
export LC_ALL=C

root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -n "${RAPPORT:-}" ]; then
  # A relative $RAPPORT means relative to where the script was started, not to the repository root.
  case "$RAPPORT" in
    /*) rapport="$RAPPORT" ;;
    *) rapport="$PWD/$RAPPORT" ;;
  esac
else
  rapport="$root/build/bin/rapport"
fi
if [ ! -x "$rapport" ]; then
  echo "update-golden: no rapport executable at $rapport" >&2
  echo "update-golden: build it first (bash scripts/setup.sh), or name it: RAPPORT=path/to/rapport bash scripts/update-golden.sh" >&2
  exit 2
fi

cd "$root"
mkdir -p tests/golden
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

shopt -s nullglob
examples=(examples/*.toml)
if [ ${#examples[@]} -eq 0 ]; then
  echo "update-golden: no examples/*.toml to assess" >&2
  exit 2
fi

# Write everything to a scratch directory first, so a failing example leaves tests/golden/ untouched.
for profile in "${examples[@]}"; do
  name="$(basename "$profile" .toml)"
  NO_COLOR=1 "$rapport" assess "$profile" -r rules >"$tmp/$name.txt" </dev/null
  NO_COLOR=1 "$rapport" assess "$profile" -r rules -f json >"$tmp/$name.json" </dev/null
  NO_COLOR=1 "$rapport" assess "$profile" -r rules -f markdown >"$tmp/$name.md" </dev/null
  NO_COLOR=1 "$rapport" assess "$profile" -r rules -f html >"$tmp/$name.html" </dev/null
done

for golden in tests/golden/*.txt tests/golden/*.json tests/golden/*.md tests/golden/*.html; do
  name="$(basename "${golden%.*}")"
  if [ ! -f "examples/$name.toml" ]; then
    rm -- "$golden"
    echo "removed  $golden (no examples/$name.toml)"
  fi
done

for report in "$tmp"/*; do
  golden="tests/golden/$(basename "$report")"
  if [ -f "$golden" ] && cmp -s "$report" "$golden"; then
    echo "same     $golden"
  else
    cp -- "$report" "$golden"
    echo "written  $golden"
  fi
done
