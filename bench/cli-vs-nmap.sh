#!/usr/bin/env bash
# Speed as users meet it (issue 17): the whole kexwatch command-line process, launch to exit, against nmap's
# ssh2-enum-algos and a C epoll floor (bench/floor.c) on the same canned loopback targets, 2,000 and 6,000 of
# them; plus the probe engine alone (bench/ProbeBench.java, timed from the first probe) in a fresh JVM, and warm (the
# timed pass after two untimed ones in the same JVM: the engine's own rate, once its code is compiled).
# Usage (repository root, after ./mvnw package): bench/cli-vs-nmap.sh [ROUNDS]   (default 3)
# The tools take turns in every round (the order flips each round); each result is checked: every kexwatch line
# must be outcome OK with the responder's exact kex list, every nmap port must show the strict-KEX marker, the
# floor must frame every first packet as a KEXINIT. Medians per tool; ratios between medians. The load average
# is printed with each round: on a shared machine the figures are only comparable within one run.
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n "$(ulimit -Hn)"

ROUNDS=${1:-3} ADDR=${ADDR:-127.0.2.1} BASE=20000 MAX=6000 SIZES=${SIZES:-"2000 6000"}
APP=target/quarkus-app
[ -x $APP/kexwatch ] && [ -f $APP/kexwatch-cli.jsa ] || { echo "run ./mvnw package first (needs $APP/kexwatch and its archive)" >&2; exit 1; }
./mvnw -q -o test-compile
cc -O2 -o target/floor bench/floor.c
CP=$(for j in $APP/lib/boot/*.jar $APP/app/*.jar $APP/lib/main/*.jar; do printf '%s:' "$j"; done)
CP=${CP%:}
javac -d target/bench-classes -cp "$CP" bench/ProbeBench.java

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
java -cp target/test-classes:target/classes dev.kexwatch.testsupport.SshResponder ports $ADDR $BASE $MAX >target/cli-responder.log 2>&1 &
pids+=($!)
for _ in $(seq 300); do grep -q '^ready' target/cli-responder.log 2>/dev/null && break; sleep 0.1; done
grep -q '^ready' target/cli-responder.log || { echo "responder did not start" >&2; cat target/cli-responder.log >&2; exit 1; }
for n in $SIZES; do seq $BASE $((BASE + n - 1)) | sed "s/^/$ADDR:/" >target/cli-targets-$n; done
KEX='"kex":\["curve25519-sha256","curve25519-sha256@libssh.org","ecdh-sha2-nistp256","diffie-hellman-group14-sha256","kex-strict-s-v00@openssh.com"\]'

elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$@"; }
load() { cut -d' ' -f1 /proc/loadavg; }

run_floor() { # n
  local out; out=$(target/floor $ADDR $BASE "$1" 1000)
  grep -q "ok $1," <<<"$out" || { echo "floor got results wrong: $out" >&2; exit 1; }
  sed -E 's/.* in ([0-9.]+) s.*/\1/' <<<"$out"
}
run_nmap() { # n
  local s e ok
  s=$(date +%s.%N)
  nmap -n -Pn -sT --script +ssh2-enum-algos -p $BASE-$((BASE + $1 - 1)) -oX target/cli-nmap.xml $ADDR >/dev/null 2>&1
  e=$(date +%s.%N)
  ok=$(python3 -c '
import sys, xml.etree.ElementTree as ET
print(sum(1 for p in ET.parse("target/cli-nmap.xml").iter("port")
          if (s := p.find("script[@id=\"ssh2-enum-algos\"]")) is not None and "kex-strict-s-v00@openssh.com" in s.get("output", "")))')
  [ "$ok" -eq "$1" ] || { echo "nmap got $ok of $1 right" >&2; exit 1; }
  elapsed "$s" "$e"
}
run_cli() { # n launcher...: the whole process, launch to exit, default settings
  local n=$1 s e ok; shift
  s=$(date +%s.%N)
  "$@" scan --json -f target/cli-targets-$n >target/cli-out.json 2>/dev/null || true # exit code 2: findings
  e=$(date +%s.%N)
  ok=$(grep '"outcome":"OK"' target/cli-out.json | grep -c "$KEX" || true)
  [ "$ok" -eq "$n" ] || { echo "kexwatch ($*) got $ok of $n right" >&2; exit 1; }
  elapsed "$s" "$e"
}
run_engine() { # n [warm-up passes]: the engine alone, fresh JVM, timed from the first probe (of the timed pass)
  local out
  # the launcher's JVM options (C1 only, MINA's logging to slf4j's no-op provider), the engine's own class path
  out=$(java -XX:TieredStopAtLevel=1 -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider \
    -Dslf4j.internal.verbosity=ERROR -cp "target/bench-classes:$CP" ProbeBench $BASE "$1" "$1" 256 10 $ADDR "${2:-0}" 2>/dev/null)
  grep -q "wrong 0;" <<<"$out" && grep -q "{OK=$1}" <<<"$out" || { echo "engine got results wrong: $out" >&2; exit 1; }
  sed -E 's/.* in ([0-9.]+) s.*/\1/' <<<"$out"
}

run_floor 2000 >/dev/null; run_cli 2000 $APP/kexwatch >/dev/null # untimed: page cache, responder warm
: >target/cli-times
for round in $(seq "$ROUNDS"); do
  for n in $SIZES; do
    tools="floor nmap cli jar engine warm"
    [ $((round % 2)) = 0 ] && tools="warm engine jar cli nmap floor"
    for tool in $tools; do
      l=$(load)
      case $tool in
        floor) t=$(run_floor "$n") ;;
        nmap) t=$(run_nmap "$n") ;;
        cli) t=$(run_cli "$n" $APP/kexwatch) ;;
        jar) t=$(run_cli "$n" java -jar $APP/quarkus-run.jar) ;;
        engine) t=$(run_engine "$n") ;;
        warm) t=$(run_engine "$n" 2) ;;
      esac
      echo "round $round  $n targets  $tool  $t s  (load $l)"
      echo "$n $tool $t" >>target/cli-times
    done
  done
done
python3 - <<'PY'
import collections, statistics
times = collections.defaultdict(list)
for line in open("target/cli-times"):
    n, tool, t = line.split()
    times[(int(n), tool)].append(float(t))
names = {"floor": "C epoll floor (whole process)", "nmap": "nmap -sT --script ssh2-enum-algos",
         "cli": "kexwatch CLI, target/quarkus-app/kexwatch (AppCDS, defaults)",
         "jar": "kexwatch CLI, java -jar quarkus-run.jar (defaults)", "engine": "kexwatch engine alone (fresh JVM, from first probe)",
         "warm": "kexwatch engine alone, warm (third pass in one JVM)"}
for n in sorted({k[0] for k in times}):
    med = {tool: statistics.median(times[(n, tool)]) for (m, tool) in times if m == n}
    print(f"== {n} targets, medians of {len(times[(n, 'nmap')])} rounds")
    for tool in ["floor", "nmap", "cli", "jar", "engine", "warm"]:
        t = med[tool]
        extra = "" if tool in ("floor", "nmap") else f"  {med['nmap'] / t:.2f}x nmap"
        print(f"  {names[tool]:58} {t:6.3f} s  {n / t:7.0f}/s  {med['floor'] / t:5.1%} of floor{extra}")
PY
