#!/usr/bin/env bash
# Probe benchmark: kexwatch's ProbeEngine vs nmap's ssh2-enum-algos on the same 2,000 loopback targets,
# then 10,000 kexwatch probes in flight at once under -Xmx512m. Loopback only (127.0.0.1).
# Ports 20000-21999 and 22000-23999: below Linux's ephemeral range (32768-60999), so no client socket
# can hold them. Usage: bench/probe-vs-nmap.sh   (from the repository root, after ./mvnw test-compile)
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n 20000 # 10,000 client sockets in the probe JVM, 10,000 in the responder

BASE=20000 COUNT=2000 GATED_BASE=22000 INFLIGHT=10000
./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
JAVA_LOG="-Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dorg.jboss.logmanager.nocolor=true"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

start_responder() { # base count [gate]
  local log="target/responder-$1.log"
  java -cp target/test-classes bench/CannedSshResponder.java "$@" >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do grep -q '^ready' "$log" 2>/dev/null && return; sleep 0.1; done
  echo "responder on $1 did not start" >&2; cat "$log" >&2; exit 1
}

start_responder $BASE $COUNT

echo "== kexwatch ProbeEngine, $COUNT targets (fresh JVM, timed from the first probe)"
kex_line=$(java -Xmx512m $JAVA_LOG -cp "$CP" bench/ProbeBench.java $BASE $COUNT $COUNT 1000 10 2>/dev/null | grep '^kexwatch')
echo "$kex_line"
kex_rate=$(sed -E 's/.* = ([0-9]+) targets\/s.*/\1/' <<<"$kex_line")

echo "== nmap -n -Pn -sT --script +ssh2-enum-algos, same $COUNT targets"
start=$(date +%s.%N)
nmap -n -Pn -sT --script +ssh2-enum-algos -p $BASE-$((BASE + COUNT - 1)) -oX target/nmap.xml 127.0.0.1 >/dev/null 2>&1
end=$(date +%s.%N)
nmap_ok=$(python3 - <<'PY'
import xml.etree.ElementTree as ET
want = "kex-strict-s-v00@openssh.com"
ok = 0
for port in ET.parse("target/nmap.xml").iter("port"):
    script = port.find("script[@id='ssh2-enum-algos']")
    if script is not None and want in script.get("output", ""):
        ok += 1
print(ok)
PY
)
nmap_rate=$(python3 -c "print(round($COUNT / ($end - $start)))")
echo "nmap: $COUNT targets in $(python3 -c "print(round($end - $start, 2))") s = $nmap_rate targets/s; correct $nmap_ok/$COUNT"
[ "$nmap_ok" -eq "$COUNT" ] || echo "WARNING: nmap got $nmap_ok of $COUNT right"
echo "ratio kexwatch/nmap: $(python3 -c "print(round($kex_rate / $nmap_rate, 2))")x (goal >= 3x)"

echo "== kexwatch, $INFLIGHT probes in flight at once, -Xmx512m"
start_responder $GATED_BASE $COUNT $INFLIGHT
java -Xmx512m $JAVA_LOG -cp "$CP" bench/ProbeBench.java $GATED_BASE $COUNT $INFLIGHT $INFLIGHT 120 2>/dev/null | grep '^kexwatch'
grep 'gate open' "target/responder-$GATED_BASE.log"
