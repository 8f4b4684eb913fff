#!/usr/bin/env bash
# Probe benchmark: kexwatch's ProbeEngine vs nmap's ssh2-enum-algos on the same 2,000 loopback targets,
# then 10,000 kexwatch probes in flight at once under -Xmx512m. Loopback only (127.0.0.1).
# Ports 20000-21999 and 22000-23999: below Linux's ephemeral range (32768-60999), so no client socket
# can hold them. Usage: bench/probe-vs-nmap.sh [ROUNDS]   (from the repository root)
#
# The machine is shared, so wall times swing with other load: the two tools take turns (ROUNDS times,
# default 3, each kexwatch round in a fresh JVM) and the ratio is taken between their medians. The
# responder gets one untimed pass first, so neither tool pays for its JIT warm-up.
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n 20000 # 10,000 client sockets in the probe JVM, 10,000 in the responder

BASE=20000 COUNT=2000 GATED_BASE=22000 INFLIGHT=10000 ROUNDS=${1:-3}
./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime >/dev/null
# What the probe needs, first: a class is looked up jar by jar, and the runtime classpath has ~300 jars.
CP="target/classes:$(tr ':' '\n' <target/runtime-classpath.txt \
  | grep -E '/(sshd-|slf4j-|jboss-logmanager|smallrye-common-|wildfly-common|jackson-)' | paste -sd:)"
# Compiled ahead, not by the source launcher: javac inside the timed JVM would compete with the probe.
javac -d target/bench-classes -cp "$CP" bench/ProbeBench.java
CP="target/bench-classes:$CP"
JAVA_LOG="-Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dorg.jboss.logmanager.nocolor=true"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

start_responder() { # base count [gate]
  local log="target/responder-$1.log"
  java -cp target/test-classes:target/classes dev.kexwatch.testsupport.SshResponder ports 127.0.0.1 "$@" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do grep -q '^ready' "$log" 2>/dev/null && return; sleep 0.1; done
  echo "responder on $1 did not start" >&2; cat "$log" >&2; exit 1
}

kexwatch() { # base count total concurrency deadline-seconds
  java -Xmx512m $JAVA_LOG -cp "$CP" ProbeBench "$@" 2>/dev/null | grep '^kexwatch'
}

nmap_round() { # prints its line and appends targets/s to target/nmap-rates; checks every port's output
  local start end ok rate
  start=$(date +%s.%N)
  nmap -n -Pn -sT --script +ssh2-enum-algos -p $BASE-$((BASE + COUNT - 1)) -oX target/nmap.xml 127.0.0.1 >/dev/null 2>&1
  end=$(date +%s.%N)
  ok=$(python3 - <<'PY'
import xml.etree.ElementTree as ET
want = "kex-strict-s-v00@openssh.com"
print(sum(1 for port in ET.parse("target/nmap.xml").iter("port")
          if (s := port.find("script[@id='ssh2-enum-algos']")) is not None and want in s.get("output", "")))
PY
)
  rate=$(python3 -c "print(round($COUNT / ($end - $start)))")
  echo "nmap: $COUNT targets in $(python3 -c "print(round($end - $start, 2))") s = $rate targets/s; correct $ok/$COUNT"
  [ "$ok" -eq "$COUNT" ] || { echo "nmap got $ok of $COUNT right" >&2; exit 1; }
  echo "$rate" >>target/nmap-rates
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

start_responder $BASE $COUNT
kexwatch $BASE $COUNT $COUNT 1000 10 >/dev/null # untimed: warms the responder

: >target/kexwatch-rates
: >target/nmap-rates
for round in $(seq "$ROUNDS"); do
  echo "== round $round of $ROUNDS: kexwatch ProbeEngine (fresh JVM, concurrency 1000, timed from the first probe)," \
    "then nmap -n -Pn -sT --script +ssh2-enum-algos; same $COUNT targets"
  line=$(kexwatch $BASE $COUNT $COUNT 1000 10) || { echo "kexwatch got results wrong" >&2; exit 1; }
  echo "$line"
  sed -E 's/.* = ([0-9]+) targets\/s.*/\1/' <<<"$line" >>target/kexwatch-rates
  nmap_round
done
kex=$(median <target/kexwatch-rates)
nm=$(median <target/nmap-rates)
echo "median of $ROUNDS: kexwatch $kex targets/s, nmap $nm targets/s;" \
  "ratio kexwatch/nmap: $(python3 -c "print(round($kex / $nm, 2))")x (goal >= 3x)"

echo "== kexwatch, $INFLIGHT probes in flight at once, -Xmx512m"
start_responder $GATED_BASE $COUNT $INFLIGHT
kexwatch $GATED_BASE $COUNT $INFLIGHT $INFLIGHT 120
grep 'gate open' "target/responder-$GATED_BASE.log"
