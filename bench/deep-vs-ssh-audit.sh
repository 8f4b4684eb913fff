#!/usr/bin/env bash
# Deep handshake benchmark: kexwatch's DeepProber vs ssh-audit on the same loopback OpenSSH servers, both
# sequential (one target at a time), both completing one key exchange per host-key type and group-exchange
# size requests. Loopback only (127.0.0.1). Usage: bench/deep-vs-ssh-audit.sh [SERVERS]  (from the repo root)
# The machine is shared: the load average is printed next to each figure; compare the ratio, not the times.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-4}
./mvnw -q -o -B -ntp compile
M2=~/.m2/repository
CP="target/classes:$M2/org/apache/sshd/sshd-core/2.20.0/sshd-core-2.20.0.jar:$M2/org/apache/sshd/sshd-common/2.20.0/sshd-common-2.20.0.jar"
CP="$CP:$(ls $M2/org/slf4j/slf4j-api/*/slf4j-api-*.jar | tail -1):$M2/org/bouncycastle/bcprov-jdk18on/1.84/bcprov-jdk18on-1.84.jar"
mkdir -p target/bench-classes
javac -d target/bench-classes -cp "$CP" bench/DeepBench.java
DIR=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$DIR"; }
trap cleanup EXIT
mkdir -p /run/sshd
for t in ed25519 ecdsa rsa; do ssh-keygen -q -t $t -N '' -f "$DIR/$t"; done
ports=()
for i in $(seq 1 "$N"); do
  port=$((24000 + i))
  printf 'Port %s\nListenAddress 127.0.0.1\nHostKey %s/ed25519\nHostKey %s/ecdsa\nHostKey %s/rsa\nMaxStartups 1000:30:1000\nUsePAM no\nPidFile none\nLogLevel ERROR\n' \
    "$port" "$DIR" "$DIR" "$DIR" > "$DIR/sshd_config_$i"
  /usr/sbin/sshd -D -e -f "$DIR/sshd_config_$i" 2>/dev/null & pids+=($!)
  ports+=("$port")
done
sleep 1
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
for port in "${ports[@]}"; do /usr/bin/ssh-audit -p "$port" 127.0.0.1 >/dev/null || true; done
end=$(date +%s.%N)
audit=$(echo "$end - $start" | bc -l)
printf 'ssh-audit: %d targets, %.2f s, %.3f targets/s (load %s)\n' "$N" "$audit" "$(echo "$N / $audit" | bc -l)" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "target/bench-classes:$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn DeepBench "${ports[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
