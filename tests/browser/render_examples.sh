#!/usr/bin/env bash
# Renders every examples/*.toml to HTML with the built rapport, opens each in headless Chromium and fails
# when a page does not render or logs a console error. Leaves NAME.html and NAME.png in the output dir.
#   usage: tests/browser/render_examples.sh PATH/TO/rapport OUTPUT_DIR
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 PATH/TO/rapport OUTPUT_DIR" >&2
  exit 2
fi
rapport=$(realpath "$1")
out=$(realpath -m "$2")
repo=$(cd "$(dirname "$0")/../.." && pwd)
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "error: the browser check needs Chromium: sudo apt-get install chromium" >&2
  exit 1
fi
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync "--user-data-dir=$profile" --no-pdf-header-footer)

failures=0
for example in "$repo"/examples/*.toml; do
  name=$(basename "$example" .toml)
  html="$out/$name.html"
  if ! (cd "$repo" && "$rapport" assess "$example" -f html --brand examples/branding/brand.toml -o "$html") 2>"$out/$name.rapport.log"; then
    echo "FAIL $name: rapport assess failed: $(tail -n 1 "$out/$name.rapport.log")"
    failures=$((failures + 1))
    continue
  fi
  # One run gives the rendered DOM and the console log; another the screenshot to look at.
  timeout 120 "$chromium" "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$html" \
    >"$out/$name.dom" 2>"$out/$name.console.log"
  dom_status=$?
  timeout 120 "$chromium" "${flags[@]}" "--screenshot=$out/$name.png" --window-size=1280,2400 "file://$html" \
    >/dev/null 2>>"$out/$name.console.log"
  shot_status=$?
  problem=""
  if [ $dom_status -ne 0 ]; then problem="Chromium exited $dom_status while rendering"
  elif ! grep -q '<section id="perception-gap">' "$out/$name.dom"; then problem="the rendered page lacks its sections"
  elif grep -E 'ERROR:CONSOLE|Uncaught|Refused to (load|apply|execute)' "$out/$name.console.log" >"$out/$name.errors"; then
    problem="the page logged errors: $(head -n 1 "$out/$name.errors")"
  elif [ $shot_status -ne 0 ] || [ ! -s "$out/$name.png" ]; then problem="no screenshot (Chromium exited $shot_status)"
  fi
  if [ -n "$problem" ]; then
    echo "FAIL $name: $problem"
    failures=$((failures + 1))
  else
    echo "ok   $name: $html ($(wc -c <"$html") bytes), screenshot $out/$name.png"
  fi
done

if [ $failures -ne 0 ]; then
  echo "$failures example(s) failed the browser check" >&2
  exit 1
fi
