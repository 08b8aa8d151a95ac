#!/usr/bin/env bash
# Renders an RTMM Lab report.html (or compare.html) in headless Chromium, takes a screenshot and checks that every
# chart rendered and that the page logged no console errors. Installs nothing: it needs /usr/bin/chromium (on a
# developer machine: apt-get install -y chromium; not in CI, where HtmlReportTest checks the page structurally).
#
#   scripts/screenshot-report.sh [REPORT.html [OUT.png]]
#
# Without REPORT.html it first runs ./rtmm run (VR_gaming, Dual_4K__WS_OS, edf, 2 s) with --report html into
# target/screenshot-run/. Exit codes: 0 ok, 1 a check failed, 3 no chromium.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "screenshot-report: $chromium not found (apt-get install -y chromium, or set CHROMIUM)" >&2
  exit 3
fi
report="${1:-}"
if [ -z "$report" ]; then
  report="$root/target/screenshot-run/report.html"
  "$root/rtmm" run --scenario xrbench/VR_gaming --platform xrbench/Dual_4K__WS_OS --scheduler edf --set blockLayers=8 \
    --duration 2s --report json,html --progress none --out "$root/target/screenshot-run" >/dev/null
fi
[ -f "$report" ] || { echo "screenshot-report: no such file: $report" >&2; exit 1; }
report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
png="${2:-${report%.html}.png}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run
       --user-data-dir="$work/profile" --enable-logging=stderr --v=0)

"$chromium" "${flags[@]}" --window-size=1400,2000 --screenshot="$png" "file://$report" 2>"$work/shot.log" >/dev/null
"$chromium" "${flags[@]}" --dump-dom "file://$report" 2>"$work/dom.log" >"$work/dom.html"

expected=$(grep -o '<figure id="' "$report" | wc -l)
rendered=$(grep -o '<svg ' "$work/dom.html" | wc -l)
errors=$(grep -h 'CONSOLE' "$work/shot.log" "$work/dom.log" || true)
status=0
if [ ! -s "$png" ]; then echo "screenshot-report: no screenshot written" >&2; status=1; fi
if [ "$expected" -eq 0 ] || [ "$rendered" -ne "$expected" ]; then
  echo "screenshot-report: $rendered charts rendered, $expected expected" >&2; status=1
fi
if [ -n "$errors" ]; then echo "screenshot-report: console messages:" >&2; echo "$errors" >&2; status=1; fi
if grep -qiE '(src|href)="https?:' "$work/dom.html"; then
  echo "screenshot-report: the page refers to the network" >&2; status=1
fi
[ "$status" -eq 0 ] && echo "screenshot-report: $rendered charts, no console errors; screenshot $png"
exit "$status"
