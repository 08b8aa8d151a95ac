#!/usr/bin/env bash
# Data-safety test of the lab home: a rebuilt or upgraded distribution never deletes or overwrites deploy/, etc/
# or data/.
#
#   scripts/lab-home-test.sh        (needs a built distribution: mvn -B package)
#
# Starts the distribution on a fresh lab home (seeds etc/), changes the home as a user would (edits one .cfg,
# deletes another, deploys a scenario file, leaves a result file), then starts a *rebuilt* distribution (a fresh
# copy whose default .cfg files changed) on the same home and checks that every change survived, that the user's
# files are used (the deployed scenario is listed), and that a default the user never had is still seeded.
# Exit status 0 = passed, 1 = a check failed, 2 = setup problem.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
lab="$root/distribution/target/rtmm-lab"
[ -x "$lab/bin/rtmm-container" ] || { echo "lab-home-test: no distribution at $lab (run mvn -B package first)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/rtmm-labhome.XXXXXX")
home="$work/home"
fail() { echo "lab-home-test: FAILED: $*; files kept in $work" >&2; exit 1; }

# Runs the distribution in $1 on the lab home with the Gogo commands $2; prints the container's output.
run() {
  (sleep "${RTMM_TEST_BOOT_S:-8}"; printf '%s\nstop 0\n' "$2") | RTMM_LAB_HOME="$home" \
    JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" timeout 120 "$1/bin/rtmm-container" 2>&1
}

run "$lab" "rtmm:list" > "$work/first.log" || fail "first start failed: $(tail -3 "$work/first.log")"
for f in org.rtmmlab.evaluation.cfg org.apache.felix.http.cfg; do
  [ -f "$home/etc/$f" ] || fail "first start did not seed etc/$f"
done
[ -d "$home/deploy" ] && [ -d "$home/data" ] || fail "first start did not create deploy/ and data/"

# what a user does
printf 'workers = 1\n' > "$home/etc/org.rtmmlab.evaluation.cfg"
rm "$home/etc/org.apache.felix.http.cfg"
cp "$root/examples/scenarios/vr-hands.json" "$home/deploy/my-hands.json"
mkdir -p "$home/data/results/e0001" && echo "a result" > "$home/data/results/e0001/keep.txt"
mine="deploy/my-hands.json data/results/e0001/keep.txt"   # the user's own files (the lab writes its index itself)
(cd "$home" && sha256sum $mine) > "$work/before"

# a rebuilt distribution: a fresh copy whose defaults changed, plus a default this home never had
rebuilt="$work/rebuilt"
cp -r "$lab" "$rebuilt"
rm -rf "$rebuilt/cache"
for f in "$rebuilt"/etc/*.cfg; do printf '\n# changed default\n' >> "$f"; done
printf '# a new default\n' > "$rebuilt/etc/org.rtmmlab.example.cfg"
run "$rebuilt" "rtmm:list -a" > "$work/second.log" || fail "second start failed: $(tail -3 "$work/second.log")"

[ "$(cat "$home/etc/org.rtmmlab.evaluation.cfg")" = "workers = 1" ] || fail "the edited etc/org.rtmmlab.evaluation.cfg was overwritten"
[ ! -e "$home/etc/org.apache.felix.http.cfg" ] || fail "the deleted etc/org.apache.felix.http.cfg was seeded again"
[ -f "$home/etc/org.rtmmlab.example.cfg" ] || fail "a new default .cfg was not seeded"
(cd "$home" && sha256sum $mine) > "$work/after" 2>&1 || true
cmp -s "$work/before" "$work/after" || fail "deploy/ or data/ changed: $(diff "$work/before" "$work/after" | head -3)"
grep -q "file/my-hands" "$work/second.log" || fail "the scenario in the lab home's deploy/ is not listed (see $work/second.log)"
echo "lab-home-test: OK: edits, deletions, deploy/ and data/ survived a rebuilt distribution; new defaults seeded"
rm -rf "$work"
