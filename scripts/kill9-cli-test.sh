#!/usr/bin/env bash
# Crash test of the command line's publishing (issue 17): kill -9 `rtmm run` and `rtmm compare` at seeded moments,
# including between the two renames of the publish step, and check that the earlier result always survives.
#
#   scripts/kill9-cli-test.sh [SEED] [TRIALS]     (defaults 42 and 24; needs the built CLI: ./rtmm --version once)
#
# Setup: one `run` and one `compare` are each published twice without a kill, with seeds 1 and 2, and the SHA-256
# of every file of each complete result is kept. Then each trial starts `run` or `compare` (alternately) into the
# same folder with the other seed and kills it with kill -9:
#   - every third trial waits for the publish step (the JVM is started with -Drtmm.crashTest.publishPauseMs=3000, so
#     the kill lands after the old result was renamed to .<name>.old and before the new one is renamed in);
#   - the others at a seeded random moment between 0 and the command's measured duration.
# After every kill: the folder holds exactly one complete result (the checksums of all its files equal those of
# seed 1 or seed 2: nothing half-written is visible), or, killed inside the publish step, the folder is missing and
# .<name>.old holds a complete result; then the next command restores it. No .partial folder is ever published.
# At the end one more unkilled command must succeed and leave no .old or .partial behind.
# Exit status 0 = all checks passed; 1 = a check failed (the line says which); 2 = setup problem.
set -euo pipefail

seed=${1:-42}
trials=${2:-24}
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/bundles/rtmm-cli/target"
jar=$(ls "$cli"/rtmm-cli-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1) || true
[ -n "$jar" ] && [ -d "$cli/lib" ] || { echo "kill9-cli-test: no built CLI in $cli (run ./rtmm --version first)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rtmm-kill9-cli.XXXXXX")
cd "$work"
RANDOM=$seed
fail() { echo "kill9-cli-test: FAILED (seed $seed, trial ${trial:-0}): $*" >&2; echo "  kept in $work" >&2; exit 1; }

# rtmm KIND SEED [JAVA_OPTS...]: the command line of a run or a comparison into ./out-KIND
cmdline() {
  local kind=$1 s=$2
  if [ "$kind" = run ]; then
    echo org.rtmmlab.cli.Main run --scenario xrbench/VR_gaming --platform xrbench/Dual_4K__WS_OS --scheduler edf \
      --seed "$s" --duration 300ms --progress none --out out-run
  else
    echo org.rtmmlab.cli.Main compare --scenarios xrbench/VR_gaming,xrbench/AR_gaming --platforms xrbench/Dual_4K__WS_OS \
      --schedulers edf,fcfs --seed "$s" --duration 300ms --progress none --jobs 2 --out out-compare \
      --csv out-compare/table.csv
  fi
}
launch() { # launch KIND SEED [EXTRA_JVM_OPTS]: starts the command in the background, sets $pid
  local kind=$1 s=$2 opts=${3:-}
  # shellcheck disable=SC2046
  java $opts -cp "$jar:$cli/lib/*" $(cmdline "$kind" "$s") > "$work/last.out" 2> "$work/last.err" &
  pid=$!
}
sums() { # sums DIR: the SHA-256 of every file below DIR, sorted by path
  (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1
}

declare -A known ms
for kind in run compare; do
  for s in 1 2; do
    start=$(date +%s%N)
    launch "$kind" "$s"
    wait "$pid" || fail "setup: $kind seed $s failed: $(cat "$work/last.err")"
    ms[$kind]=$(( ($(date +%s%N) - start) / 1000000 ))
    known[$kind,$s]=$(sums "out-$kind")
  done
  [ "${known[$kind,1]}" != "${known[$kind,2]}" ] || fail "setup: seeds 1 and 2 of $kind give the same files"
  echo "kill9-cli-test: $kind takes ${ms[$kind]} ms; results of seeds 1 and 2 recorded"
done

check() { # check KIND: the folder holds a complete known result, or (killed mid-publish) .old does
  local kind=$1 dir="out-$kind" h
  if [ -d "$dir" ]; then
    h=$(sums "$dir")
    [ "$h" = "${known[$kind,1]}" ] || [ "$h" = "${known[$kind,2]}" ] || fail "$dir is not a complete result"
    echo complete
  elif [ -d ".$dir.old" ]; then
    h=$(sums ".$dir.old")
    [ "$h" = "${known[$kind,1]}" ] || [ "$h" = "${known[$kind,2]}" ] || fail ".$dir.old is not a complete result"
    echo in-old
  else
    fail "neither $dir nor .$dir.old exists: the earlier result is lost"
  fi
  find . -maxdepth 3 -path "./$dir/*" -name '*.partial' | grep -q . && fail "a .partial folder inside $dir"
  return 0
}

mid=0
inside=0
for trial in $(seq 1 "$trials"); do
  kind=$([ $((trial % 2)) -eq 1 ] && echo run || echo compare)
  s=$(( (trial / 2) % 2 + 1 ))
  if [ $((trial % 3)) -eq 0 ]; then
    launch "$kind" "$s" -Drtmm.crashTest.publishPauseMs=3000
    for _ in $(seq 1 600); do [ -d ".out-$kind.old" ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    [ -d ".out-$kind.old" ] || fail "the publish step of $kind was not reached: $(cat "$work/last.err")"
    moment="inside the publish step"
    inside=$((inside + 1))
  else
    delay=$(( RANDOM % (ms[$kind] + 1) ))
    launch "$kind" "$s"
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    moment="after $delay ms"
  fi
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  state=$(check "$kind")
  [ "$state" = in-old ] && mid=$((mid + 1))
  echo "kill9-cli-test: trial $trial: $kind seed $s killed $moment: $state"
done

for kind in run compare; do # one more unkilled command recovers whatever the kills left
  launch "$kind" 1
  wait "$pid" || fail "final $kind failed: $(cat "$work/last.err")"
  [ "$(sums "out-$kind")" = "${known[$kind,1]}" ] || fail "final $kind result differs from the reference"
  [ -e ".out-$kind.old" ] || [ -e ".out-$kind.partial" ] && fail "leftovers of $kind not cleaned"
done
echo "kill9-cli-test: OK: $trials kill -9 trials (seed $seed), $inside of them between the two renames of a publish;" \
  "$mid times the earlier result was found in .old and restored by the next command; every earlier result intact"
rm -rf "$work"
