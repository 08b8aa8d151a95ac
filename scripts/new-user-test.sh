#!/usr/bin/env bash
# New-user test of the plugin author's path, exactly as the README's "Write and hot-deploy your own scheduler" says,
# from a temporary folder and using only installed artifacts of the lab:
#   1. `mvn -B install -DskipTests` in the lab, into a temporary local Maven repository (seeded from ~/.m2 by hard
#      links, so the shared ~/.m2 gets nothing), then `./rtmm new-plugin scheduler NAME --dir <tmp>/NAME`;
#   2. `mvn -B verify` in the generated project (same local repository): builds the jar, runs its contract
#      tests (SchedulerPolicyContract of rtmm-testkit-engine);
#   3. `./rtmm run --plugins JAR --scheduler NAME ...` on the command line;
#   4. starts the container on a fresh lab home (RTMM_LAB_HOME), copies the jar into its deploy/ while it runs, and
#      checks `rtmm:list` shows the scheduler and `rtmm:run` runs it;
#   5. `./rtmm compare --plugins JAR --schedulers NAME,fcfs,edf` and checks NAME is in the table and compare.html.
#
#   scripts/new-user-test.sh        (needs JDK 17, Maven, and ~/.m2 holding the build's dependencies: mvn -B verify)
#
# Exit status 0 = passed, 1 = a check failed, 2 = setup problem. Prints its wall time per step.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
name=newuser-edf
work=$(mktemp -d "${TMPDIR:-/tmp}/rtmm-newuser.XXXXXX")
repo="$work/m2"
fail() { echo "new-user-test: FAILED: $*; files kept in $work" >&2; exit 1; }
start=$SECONDS
step() { echo "new-user-test: [$((SECONDS - start)) s] $*"; }

# A private local repository: hard links of the shared one (cheap), without the lab's own artifacts (installed
# fresh below). Files Maven may rewrite in place (metadata, markers) are copied, not linked.
[ -d "$HOME/.m2/repository" ] || { echo "new-user-test: no ~/.m2/repository to seed from (run mvn -B verify once)" >&2; exit 2; }
cp -al "$HOME/.m2/repository" "$repo" 2>/dev/null || cp -a "$HOME/.m2/repository" "$repo"
rm -rf "$repo/org/rtmmlab"
mutable=(-type f \( -name '_remote.repositories' -o -name 'maven-metadata*.xml' -o -name '*.properties' \
  -o -name '*.lastUpdated' \))
find "$repo" "${mutable[@]}" -delete
(cd "$HOME/.m2/repository" && find . -path ./org/rtmmlab -prune -o "${mutable[@]}" -print0 \
  | xargs -0 -r cp --parents -t "$repo")
# every Maven started from here (also by ./rtmm) uses the private repository
export MAVEN_OPTS="-Dmaven.repo.local=$repo ${MAVEN_OPTS:-}"
# online: on a fresh machine (CI) `mvn verify` has not fetched the install plugin or every plugin the generated
# project uses; what ~/.m2 already holds is used as is (RTMM_NEWUSER_OFFLINE=1 forces -o)
mvn_() { mvn -B ${RTMM_NEWUSER_OFFLINE:+-o} -q -Dmaven.repo.local="$repo" "$@"; }

step "1. installing the lab into the private repository (mvn -B install -DskipTests)"
(cd "$root" && mvn_ install -DskipTests) > "$work/install.log" 2>&1 || fail "the lab's install failed: $(tail -5 "$work/install.log")"

step "1. generating the project (./rtmm new-plugin scheduler $name)"
project="$work/$name"
(cd "$root" && ./rtmm new-plugin scheduler "$name" --dir "$project") > "$work/new-plugin.log" 2>&1 \
  || fail "new-plugin failed: $(cat "$work/new-plugin.log")"
(cd "$root" && ./rtmm new-plugin scheduler "$name" --dir "$project") > "$work/again.log" 2>&1 \
  && fail "new-plugin wrote into an existing folder"
grep -q "already exists" "$work/again.log" || fail "no clear error for an existing folder: $(cat "$work/again.log")"

step "2. building the project and running its contract tests (mvn -B verify)"
(cd "$project" && mvn_ verify) > "$work/verify.log" 2>&1 || fail "mvn verify of the generated project failed: $(tail -20 "$work/verify.log")"
jar="$project/target/$name-1.0.0.jar"
[ -f "$jar" ] || fail "no jar at $jar"
# surefire's reports: one <testcase> per test run (nested classes included), <failure>/<error>/<skipped> inside
count() { cat "$project"/target/surefire-reports/TEST-*.xml | { grep -o "<$1[ >/]" || true; } | wc -l; }
tests=$(count testcase); bad=$(( $(count failure) + $(count error) + $(count skipped) ))
[ "$tests" -ge 10 ] && [ "$bad" -eq 0 ] || fail "contract tests: $tests run, $bad failed, in error or skipped"
jar tf "$jar" > "$work/jar.txt"
grep -qx 'META-INF/services/org.rtmmlab.api.scheduler.SchedulerPolicy' "$work/jar.txt" || fail "no ServiceLoader registration in the jar"
grep -q '^OSGI-INF/.*\.xml$' "$work/jar.txt" || fail "no DS descriptor in the jar"
step "   $tests contract tests passed"

step "3. running it on the command line (./rtmm run --plugins ...)"
(cd "$root" && ./rtmm run --plugins "$jar" --scheduler "$name" --scenario xrbench/VR_gaming \
  --platform xrbench/Dual_4K__WS_OS --duration 2s --json --out "$work/run") > "$work/run.json" 2> "$work/run.err" \
  || fail "./rtmm run failed: $(cat "$work/run.err")"
grep -q "\"scheduler\": *\"$name\"" "$work/run.json" || fail "the run's JSON does not name $name: $(head -c 300 "$work/run.json")"
[ -f "$work/run/summary.json" ] && [ -f "$work/run/report.html" ] || fail "the run wrote no summary.json/report.html"

step "4. hot-deploying it into a running container (RTMM_LAB_HOME=$work/home)"
home="$work/home"
log="$work/container.log"
# waits up to $2 seconds for the pattern $1 in the container's output
await() { for _ in $(seq 1 $(($2 * 2))); do grep -Eq "$1" "$log" 2>/dev/null && return 0; sleep 0.5; done; return 1; }
( await "Welcome to Apache Felix Gogo" 90 && await "\[rtmm\] dashboard" 30   # the container is up and running
  mkdir -p "$home/deploy" && cp "$jar" "$home/deploy/"                         # hot deploy
  await "added scheduler $name" 30
  printf 'rtmm:list\nrtmm:run --duration 1s xrbench/VR_gaming xrbench/Dual_4K__WS_OS %s\n' "$name"
  await "(FINISHED|FAILED|CANCELLED) +$name " 60
  printf 'stop 0\n' ) | (cd "$root" && RTMM_LAB_HOME="$home" JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" \
  timeout 180 ./rtmm container) > "$log" 2>&1 || fail "the container failed: $(tail -5 "$log")"
grep -q "added scheduler $name" "$log" || fail "the running container did not pick up the jar in deploy/ (see $log)"
grep -Eq "^ +$name +com\.example\.$name 1\.0\.0 " "$log" || fail "rtmm:list does not show $name (see $log)"
grep -Eq "FINISHED +$name " "$log" || fail "rtmm:run of $name did not finish (see $log)"
grep -q "CommandFailedException" "$log" && fail "a Gogo command failed (see $log)"

step "5. comparing it with the built-in schedulers (./rtmm compare --plugins ...)"
(cd "$root" && ./rtmm compare --plugins "$jar" --schedulers "$name,fcfs,edf" --baseline fcfs \
  --scenarios xrbench/VR_gaming --platforms xrbench/Dual_4K__WS_OS --duration 2s --out "$work/compare") \
  > "$work/compare.txt" 2> "$work/compare.err" || fail "./rtmm compare failed: $(cat "$work/compare.err")"
grep -q "$name" "$work/compare.txt" || fail "the comparison table has no row for $name: $(cat "$work/compare.txt")"
[ -f "$work/compare/compare.html" ] && grep -q "$name" "$work/compare/compare.html" \
  || fail "compare.html does not show $name"

step "OK: generated, built (contract tests), ran, hot-deployed and compared '$name' in $((SECONDS - start)) s"
if [ -n "${RTMM_TEST_KEEP:-}" ]; then echo "new-user-test: files kept in $work"; else rm -rf "$work"; fi
