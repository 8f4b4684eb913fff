#!/usr/bin/env bash
# Deep handshake benchmark (issue 12): kexwatch's deep scan vs ssh-audit on the same loopback OpenSSH servers,
# many targets, both tools given the same target list and the same parallelism (ssh-audit: P processes at a time,
# one per target; kexwatch: bench/DeepBench.java, P targets side by side as `scan --deep` runs them, one connection
# at a time per target). Both complete one key exchange per host-key type and ask for group-exchange sizes.
# Usage (repository root): bench/deep-vs-ssh-audit.sh [SERVERS] [PARALLEL]   (default 16 16)
# Each Debian sshd listens on its own address 127.0.3.N. Per tool: wall time, targets/s, the tool's own CPU
# seconds and the CPU seconds the sshd processes spent serving it (the listeners' reaped children), since on one
# machine the servers' work is most of the cost. ssh-audit's figures are its whole processes (Python start
# included); kexwatch's are one timed round after an untimed one in the same JVM (JIT),
# its sshd CPU half of both rounds'. Results are checked: every SHA-256 fingerprint ssh-audit prints for a target
# must be among kexwatch's, and the group-exchange size ssh-audit reports must equal kexwatch's smallest group.
# The machine may be shared: the load average is printed with each figure; compare ratios from one run.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-16} P=${2:-16}
./mvnw -q -o -B -ntp compile
M2=~/.m2/repository
CP="$PWD/target/classes:$M2/org/apache/sshd/sshd-core/2.20.0/sshd-core-2.20.0.jar:$M2/org/apache/sshd/sshd-common/2.20.0/sshd-common-2.20.0.jar"
CP="$CP:$(ls $M2/org/slf4j/slf4j-api/*/slf4j-api-*.jar | tail -1):$M2/org/bouncycastle/bcprov-jdk18on/1.84/bcprov-jdk18on-1.84.jar"
mkdir -p target/bench-classes
javac -d target/bench-classes -cp "$CP" bench/DeepBench.java
DIR=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$DIR"; }
trap cleanup EXIT
mkdir -p /run/sshd
# one port free on every address used (the kernel picks it on the first one)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.3.1", 0)); print(s.getsockname()[1])')
: >"$DIR/targets"
for i in $(seq 1 "$N"); do # each server its own host keys, as in a fleet
  for t in ed25519 ecdsa rsa; do ssh-keygen -q -t $t -N '' -f "$DIR/$t-$i"; done
  printf 'Port %s\nListenAddress 127.0.3.%s\nHostKey %s/ed25519-%s\nHostKey %s/ecdsa-%s\nHostKey %s/rsa-%s\nMaxStartups 1000:30:1000\nUsePAM no\nPidFile none\nLogLevel VERBOSE\n' \
    "$PORT" "$i" "$DIR" "$i" "$DIR" "$i" "$DIR" "$i" >"$DIR/sshd_config_$i"
  /usr/sbin/sshd -D -e -f "$DIR/sshd_config_$i" 2>>"$DIR/sshd.log" & pids+=($!)
  echo "127.0.3.$i:$PORT" >>"$DIR/targets"
done
sleep 1
for pid in "${pids[@]}"; do kill -0 "$pid" || { echo "an sshd did not start" >&2; cat "$DIR/sshd.log" >&2; exit 1; }; done

# CPU seconds the sshd listeners' finished children used so far (utime+stime of reaped children, in ticks)
sshd_cpu() { local t=0; for pid in "${pids[@]}"; do t=$((t + $(awk '{print $16 + $17}' /proc/$pid/stat))); done
  echo "scale=2; $t / $(getconf CLK_TCK)" | bc -l; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
conns() { grep -c '^Connection from' "$DIR/sshd.log" || true; }

echo "load average before: $(load); $N servers, parallel $P"
s0=$(sshd_cpu) c0=$(conns)
mkdir "$DIR/audit"
# one ssh-audit process per target, P at a time: its own multi-target mode (-T FILE --threads P) keeps a class-level
# "host key type already parsed" table across targets (ssh_audit/hostkeytest.py, 2.5.0) and so skips the host-key
# exchanges of every target after the first: less work, but not the same information.
/usr/bin/time -f '%e %U %S' -o "$DIR/audit.time" xargs -P "$P" -I{} sh -c \
  'ssh-audit -t 30 -j -p "${1##*:}" "${1%:*}" >"$2/audit/$1.json"; true' _ {} "$DIR" <"$DIR/targets"
sleep 0.5
s1=$(sshd_cpu) c1=$(conns)
read -r wall user sys < <(tail -1 "$DIR/audit.time")
printf 'ssh-audit: %d targets, parallel %d, %.2f s, %.2f targets/s, client CPU %.2f s, sshd CPU %.2f s, %d connections (load %s)\n' \
  "$N" "$P" "$wall" "$(echo "$N / $wall" | bc -l)" "$(echo "$user + $sys" | bc -l)" "$(echo "$s1 - $s0" | bc -l)" \
  "$((c1 - c0))" "$(load)"
python3 -c 'import json, sys; json.dump([json.load(open(f)) for f in sys.argv[2:]], open(sys.argv[1], "w"))' \
  "$DIR/audit.json" "$DIR"/audit/*.json

s0=$(sshd_cpu) c0=$(conns)
java -cp "target/bench-classes:$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn DeepBench "$P" "$DIR/targets" \
  "$DIR/kexwatch.txt" 2>/dev/null
sleep 0.5
s1=$(sshd_cpu) c1=$(conns)
printf 'kexwatch per round: sshd CPU %.2f s, %d connections (load %s)\n' "$(echo "($s1 - $s0) / 2" | bc -l)" \
  "$(((c1 - c0) / 2))" "$(load)"

python3 - "$DIR/audit.json" "$DIR/kexwatch.txt" "$N" <<'EOF'
import json, sys
audit = json.load(open(sys.argv[1]))
ours = {}
for line in open(sys.argv[2]):
    target, fingerprints, group = line.split()
    ours[target.rsplit(":", 1)[0]] = (set(fingerprints.split(",")), group)
assert len(audit) == len(ours) == int(sys.argv[3]), f"{len(audit)} ssh-audit results, {len(ours)} kexwatch results"
compared, incomplete = 0, []
for host in audit:
    fingerprints, group = ours[host["target"].split(":")[0]]
    assert len(fingerprints) == 3 and group != "-", f"{host['target']}: kexwatch incomplete: {fingerprints} {group}"
    theirs = {"SHA256:" + f["hash"] for f in host.get("fingerprints", []) if f["hash_alg"] == "SHA256"}
    sizes = {k.get("keysize") for k in host.get("kex", []) if k["algorithm"].startswith("diffie-hellman-group-ex")}
    if not theirs or None in sizes:
        incomplete.append(host["target"])  # ssh-audit timed out on this one: nothing to compare, counted below
        continue
    assert theirs <= fingerprints, f"{host['target']}: ssh-audit {theirs}, kexwatch {fingerprints}"
    assert sizes == {int(group)}, f"{host['target']}: ssh-audit group {sizes}, kexwatch {group}"
    compared += len(theirs)
print(f"results agree on {len(audit) - len(incomplete)} targets ({compared} fingerprints, every group size);"
      f" ssh-audit incomplete on {len(incomplete)} {incomplete}")
EOF
echo "load average after: $(load)"
