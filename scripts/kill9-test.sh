#!/usr/bin/env bash
# Data-safety test of the container: kill -9 during evaluations, restart, check the results.
#
#   scripts/kill9-test.sh [SEED] [ROUNDS]      (defaults 42 and 10; needs a built distribution: mvn -B package)
#
# Each round starts the container on one lab home (a fresh temporary folder, so nothing of yours is touched),
# checks what the previous rounds left, submits evaluations in the background (rtmm:run --background, at max pace
# and paced), waits a seeded random time and kills the JVM with kill -9; every third round from the second kills it
# inside the publish step before the result folder's rename, every third from the third after the rename and before
# the index is rewritten (JVM properties pause the store there). After every restart:
#   - every result that was FINISHED before is still listed by rtmm:results and in data/results/index.json, with
#     exactly the same files and SHA-256 checksums;
#   - every evaluation submitted before a kill is listed: FINISHED (it ended before the kill) or INTERRUPTED;
#     none is listed as QUEUED/RUNNING/PAUSED;
#   - every file a listed result names exists (nothing half-written is listed);
#   - an evaluation killed before its rename is INTERRUPTED, one killed after it is FINISHED.
# The container runs without a terminal; its Gogo shell reads commands from a file through `tail -f` (the way
# the README documents scripting it), and each command's output is found between `echo` markers in its log.
# Exit status 0 = all checks passed; 1 = a check failed (the line says which); 2 = setup problem.
set -euo pipefail

seed=${1:-42}
rounds=${2:-10}
root="$(cd "$(dirname "$0")/.." && pwd)"
lab="$root/distribution/target/rtmm-lab"
[ -x "$lab/bin/rtmm-container" ] || { echo "kill9-test: no distribution at $lab (run mvn -B package first)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/rtmm-kill9.XXXXXX")
home="$work/home"
sums="$work/sums"    # one file per finished result: its checksums when first seen
mkdir -p "$sums"
RANDOM=$seed         # bash's generator, seeded: the same seed gives the same kill moments
pid=
fail() { echo "kill9-test: FAILED (seed $seed, round ${round:-0}): $*" >&2; echo "  logs and lab home kept in $work" >&2; cleanup; exit 1; }
# Kills the container (if running) and the tail feeding it.
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  [ -f "$work/tail.pid" ] && kill "$(cat "$work/tail.pid")" 2>/dev/null || true
  rm -f "$work/tail.pid"
  pid=
}
trap 'cleanup' EXIT

# Starts the container with commands from $work/cmds and its output in $work/log.<round>.
start() {
  : > "$work/cmds"
  log="$work/log.$round"
  # tail feeds the shell; its pid is found from the pipe so it can be ended when the container dies
  ( tail -n +1 -f "$work/cmds" & echo $! > "$work/tail.pid"; wait ) | \
    RTMM_LAB_HOME="$home" JAVA_OPTS="${JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} ${extra_opts:-}" \
    "$lab/bin/rtmm-container" > "$log" 2>&1 &
  pid=$!
}

# Sends a command and waits (up to 60 s) for its output; prints it. Fails if the container died. Called in $(...)
# subshells, so the marker counter lives in a file.
gogo() {
  local marker
  marker=$(( $(cat "$work/marker" 2>/dev/null || echo 0) + 1 ))
  echo "$marker" > "$work/marker"
  local begin="--begin-$marker--" end="--end-$marker--"
  printf 'echo %s\n%s\necho %s\n' "$begin" "$1" "$end" >> "$work/cmds"
  local t=0
  until grep -q -- "$end" "$log"; do
    kill -0 "$pid" 2>/dev/null || fail "container died while running '$1'; see $log"
    sleep 0.1; t=$((t + 1))
    [ "$t" -lt 600 ] || fail "no answer to '$1' within 60 s; see $log"
  done
  sed -n "/$begin/,/$end/p" "$log" | sed -e '1d' -e '$d' -e 's/^g! //'
}

# Waits until the lab's commands are registered (the shell reads commands before the bundles are active).
await_ready() {
  local i
  for i in $(seq 1 100); do
    if gogo "rtmm:results" | grep -q "result(s) in"; then return 0; fi
    sleep 0.2
  done
  fail "rtmm:results never answered; see $log"
}

# Checks what the lab lists now against what earlier rounds saw and submitted. A result is final once listed, so its
# files are checked in detail the first time it is seen (every listed file exists; a finished one's checksums are
# recorded) and a finished one's checksums are compared again after every later restart.
check() {
  local results index id state dir line listed now
  results=$(gogo "rtmm:results")
  index="$home/data/results/index.json"
  for id in $(cat "$work/submitted" 2>/dev/null); do
    line=$(printf '%s\n' "$results" | grep -E "^$id " || true)
    [ -n "$line" ] || fail "evaluation $id was submitted before a kill but is not listed by rtmm:results"
    state=$(printf '%s\n' "$line" | awk '{print $2}')
    case $state in
      FINISHED|INTERRUPTED) ;;
      *) fail "evaluation $id is listed as $state after a restart (expected FINISHED or INTERRUPTED)" ;;
    esac
    [ -f "$index" ] && grep -q "\"$id\"" "$index" || fail "evaluation $id is not in $index"
    if [ -f "$work/expect.$id" ] && [ "$state" != "$(cat "$work/expect.$id")" ]; then
      fail "evaluation $id, killed inside its publish step, is $state (expected $(cat "$work/expect.$id"))"
    fi
    if [ ! -f "$work/seen.$id" ]; then # first time listed: nothing half-written may be listed
      listed=$(gogo "rtmm:results $id" | sed -n 's/^  \(\/.*\)$/\1/p')
      for f in $listed; do [ -f "$f" ] || fail "result $id lists $f, which does not exist"; done
      echo "$state" > "$work/seen.$id"
    fi
    [ "$state" = "$(cat "$work/seen.$id")" ] || fail "result $id was $(cat "$work/seen.$id") and is now $state"
    if [ "$state" = FINISHED ]; then
      dir=$(printf '%s\n' "$line" | awk '{print $NF}')
      [ -d "$dir" ] || fail "finished result $id: folder $dir missing"
      now="$work/now.$id"
      (cd "$dir" && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$now"
      [ -s "$now" ] || fail "finished result $id has no files in $dir"
      if [ -f "$sums/$id" ]; then
        cmp -s "$sums/$id" "$now" || fail "finished result $id changed after a restart: $(diff "$sums/$id" "$now" | head -3)"
      else
        mv "$now" "$sums/$id"
      fi
    fi
  done
}

submitted_total=0
began=$(date +%s)
publish_kills=0
for round in $(seq 1 "$rounds"); do
  # rounds 2, 5, 8, ...: a kill inside the publish step before the folder's rename (the evaluation must come back
  # INTERRUPTED); rounds 3, 6, 9, ...: after the rename, before the index is rewritten (it must come back FINISHED,
  # the index rebuilt from the folders). The store pauses there and says so (rtmm.crashTest.storePauseMs).
  case $((round % 3)) in
    2) at=before; where="before the rename"; expect=INTERRUPTED ;;
    0) at=after; where="after the rename, before the index"; expect=FINISHED ;;
    *) where= ;;
  esac
  extra_opts=; [ -n "$where" ] && extra_opts="-Drtmm.crashTest.storePauseMs=60000 -Drtmm.crashTest.storePauseAt=$at"
  start
  await_ready
  echo "kill9-test: round $round: container ready ($(( $(date +%s) - began )) s so far)"
  check
  # Two evaluations per round: one as fast as possible, one paced so that it is still running at the kill.
  # The paced one first: a publish paused by the crash-test hook holds the store, so no submission may follow it.
  for cmd in "rtmm:run --background --seed $round --pace 1x --duration 5s xrbench/AR_gaming xrbench/Dual_4K__WS_OS fcfs" \
             "rtmm:run --background --seed $round --duration 700ms xrbench/VR_gaming xrbench/Single_4K__WS edf"; do
    out=$(gogo "$cmd")
    id=$(printf '%s\n' "$out" | sed -n 's/^\([^ ]*\) submitted (.*/\1/p')
    [ -n "$id" ] || fail "could not submit: '$cmd' answered: $out"
    echo "$id" >> "$work/submitted"
    submitted_total=$((submitted_total + 1))
  done
  delay_ms=$((200 + RANDOM % 2800))   # seeded: 0.2 .. 3.0 s after the submissions
  if [ -n "$where" ]; then
    t=0
    until line=$(grep -m1 "crash test: publish of .* paused $where" "$log"); do
      sleep 0.1; t=$((t + 1)); [ "$t" -lt 300 ] || fail "no publish paused $where within 30 s; see $log"
    done
    paused=$(printf '%s\n' "$line" | sed -n 's/.*publish of \([^ ]*\) paused.*/\1/p')
    echo "$expect" > "$work/expect.$paused"
    cleanup # kill -9 of the JVM
    publish_kills=$((publish_kills + 1))
    echo "kill9-test: round $round: killed inside the publish of $paused, $where ($(( $(date +%s) - began )) s so far)"
    continue
  fi
  sleep "$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))"
  cleanup # kill -9 of the JVM
  echo "kill9-test: round $round: killed ${delay_ms} ms after submitting ($(( $(date +%s) - began )) s so far)"
done
round=$((rounds + 1))
extra_opts=
start
await_ready
check
echo 'stop 0' >> "$work/cmds"
wait "$pid" 2>/dev/null || true
pid=
cleanup
finished=$(ls "$sums" | wc -l)
interrupted=$(cat "$work"/seen.* | grep -c '^INTERRUPTED$' || true)
echo "kill9-test: OK (seed $seed): $rounds kills ($publish_kills inside the publish step), $submitted_total evaluations submitted: $finished finished (files" \
  "intact after every later restart), $interrupted marked INTERRUPTED; $(( $(date +%s) - began )) s"
rm -rf "$work"
