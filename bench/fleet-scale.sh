#!/usr/bin/env bash
# Fleet benchmark (issues 5 and 17): 100,000 inventory hosts on loopback (the canned responder on 12,500 ports
# of each of 127.0.1.1-127.0.1.8, one responder process per address: a process may hold 20,000 files here),
# imported, scanned, stored and judged by the packaged service under -Xmx512m with its default probe settings;
# then 30 scans of history and the latency of report queries.
# The fleet is a realistic mix (SshResponder mix, decided by the port): 70% answer after 100-300 ms, 20% accept
# and never answer, 10% refuse. MIX=0 gives the old all-answering-at-once fleet.
# Only kexwatch.scan.per-address is raised from its default: 8 loopback addresses stand in for 100,000.
# Usage (repository root): bench/fleet-scale.sh [HOSTS_PER_ADDRESS]   (default 12500, i.e. 100,000 hosts)
# REPORTS_ONLY=1 bench/fleet-scale.sh: measure the report queries again on the schema a full run left.
# Ports 10000-22499: clear of the services on this machine and below the ephemeral range (32768+).
# Loopback only. Uses its own schema kexwatch_bench in the local `postgres` database.
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n "$(ulimit -Hn)"

PER=${1:-12500} BASE=10000 PORT=${PORT:-28080} SCHEMA=${SCHEMA:-kexwatch_bench} NET=${NET:-127.0.1}
# 127.0.1.x, not 127.0.0.1: bench/probe-vs-nmap.sh holds ports 20000-23999 of 127.0.0.1, so both can run at once.
ADDRS=$NET.1,$NET.2,$NET.3,$NET.4,$NET.5,$NET.6,$NET.7,$NET.8
HOSTS=$((PER * 8))
PGPORT=${PGPORT:-5432} # the machine's PostgreSQL (or any other: PGPORT=...)
PSQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -d postgres -qtA"
MODE=mix; [ "${MIX:-1}" = 1 ] || MODE=ports
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -o package -DskipTests
if [ "${REPORTS_ONLY:-0}" = 1 ]; then
  java -Xmx512m -Dquarkus.http.port=$PORT -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$PGPORT/postgres?currentSchema=$SCHEMA" \
    -Dquarkus.datasource.username=postgres -Dquarkus.flyway.schemas=$SCHEMA \
    -Dkexwatch.security.open-reads=true -Dquarkus.log.level=WARN \
    -jar target/quarkus-app/quarkus-run.jar >target/fleet-service.log 2>&1 &
  pids+=($!)
  until curl -sf localhost:$PORT/q/health/ready >/dev/null; do sleep 0.5; done
fi
[ "${REPORTS_ONLY:-0}" = 1 ] || {
./mvnw -q -o test-compile
$PSQL -c "drop schema if exists $SCHEMA cascade" 2>/dev/null
rm -f target/fleet-scan-*.json

for addr in ${ADDRS//,/ }; do
  java -Xmx128m -cp target/test-classes:target/classes dev.kexwatch.testsupport.SshResponder $MODE "$addr" $BASE $PER >"target/fleet-responder-$addr.log" 2>&1 &
  pids+=($!)
done
for addr in ${ADDRS//,/ }; do
  for _ in $(seq 600); do grep -q '^ready' "target/fleet-responder-$addr.log" 2>/dev/null && break; sleep 0.2; done
  grep -q '^ready' "target/fleet-responder-$addr.log" || { echo "responder on $addr did not start" >&2; exit 1; }
done

python3 - "$PER" "$BASE" "$ADDRS" >target/bench-hosts.csv <<'PY'
import sys
per, base, addrs = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].split(",")
print("address,port,labels")
for i, a in enumerate(addrs):
    for p in range(base, base + per):
        print(f"{a},{p},env={'prod' if p % 3 else 'staging'};rack=r{p % 40}")
PY

start=$(date +%s.%N)
java -Xmx512m -Dquarkus.http.port=$PORT -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$PGPORT/postgres?currentSchema=$SCHEMA" \
  -Dquarkus.datasource.username=postgres -Dquarkus.flyway.schemas=$SCHEMA \
  -Dkexwatch.inventory.file=target/bench-hosts.csv -Dkexwatch.inventory.max-range=65536 \
  -Dkexwatch.scan.per-address=1000 \
  -Dkexwatch.security.open-reads=true -Dquarkus.http.auth.permission.api-write.policy=permit \
  -Dquarkus.log.level=WARN -Dquarkus.log.category.\"dev.kexwatch\".level=INFO \
  -jar target/quarkus-app/quarkus-run.jar >target/fleet-service.log 2>&1 &
pids+=($!)
until curl -sf localhost:$PORT/q/health/ready >/dev/null; do sleep 0.5; done
ready=$(date +%s.%N)
printf 'start-up with import of %d hosts: %.1f s\n' "$HOSTS" "$(echo "$ready - $start" | bc)"

heap_sampler() { # max heap used (MiB) while the scan runs
  local max=0 v
  while [ -f target/fleet-scanning ]; do
    v=$(curl -s localhost:$PORT/q/metrics | awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ {s+=$NF} END {printf "%d", s/1048576}')
    [ "${v:-0}" -gt "$max" ] && max=$v
    sleep 1
  done
  echo "$max" >target/fleet-heap
}

scan() { # prints wall seconds of one full scan
  local id s e status
  s=$(date +%s.%N)
  id=$(curl -sf -XPOST localhost:$PORT/api/scans | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while true; do
    status=$(curl -sf localhost:$PORT/api/scans/$id | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$status" != running ] && break
    sleep 0.5
  done
  e=$(date +%s.%N)
  curl -sf localhost:$PORT/api/scans/$id >target/fleet-scan-$id.json
  echo "$e - $s" | bc
}

size() { $PSQL -c "vacuum" >/dev/null; $PSQL -c "select sum(pg_total_relation_size(c.oid)) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = '$SCHEMA' and c.relkind in ('r','i','t')"; }

touch target/fleet-scanning; heap_sampler & sampler=$!
first=$(scan)
rm -f target/fleet-scanning; wait $sampler
printf 'scan 1 (%d hosts, new offers, findings written): %.1f s wall, heap max %s MiB (-Xmx512m)\n' \
  "$HOSTS" "$first" "$(cat target/fleet-heap)"
python3 -c 'import json,glob; d=json.load(open(sorted(glob.glob("target/fleet-scan-*.json"))[-1])); print("  done", d["done"], "of", d["total"], d["summary"])'
[ "$MODE" = mix ] && python3 - "$PER" "$BASE" <<'PY' # every host's outcome as the mix decides it by its port
import glob, json, sys
per, base = int(sys.argv[1]), int(sys.argv[2])
kinds = ["OK"] * 7 + ["TIMEOUT_IDENTIFICATION"] * 2 + ["REFUSED"]
want = {}
for p in range(base, base + per):
    want[kinds[p % 10]] = want.get(kinds[p % 10], 0) + 8
summary = json.load(open(sorted(glob.glob("target/fleet-scan-*.json"))[-1]))["summary"]
got = {k.split(".", 1)[1]: v for k, v in summary.items() if k.startswith("outcome.")}
print("  expected outcomes", want, "OK" if got == want else "MISMATCH")
sys.exit(0 if got == want else 1)
PY

touch target/fleet-scanning; heap_sampler & sampler=$!
second=$(scan)
rm -f target/fleet-scanning; wait $sampler
printf 'scan 2 (unchanged fleet): %.1f s wall, heap max %s MiB\n' "$second" "$(cat target/fleet-heap)"
# Steady state: the first update of a row needs room on its page; later ones reuse what VACUUM freed.
before=$(size)
third=$(scan)
after=$(size)
printf 'scan 3 (unchanged fleet): %.1f s wall; storage growth %d bytes = %.1f bytes per host per scan (goal <= 64)\n' \
  "$third" "$((after - before))" "$(echo "($after - $before) / $HOSTS" | bc -l)"

# History: 27 more scans, as the nightly scan leaves them (same offers, runs extended), written directly
# in SQL so the benchmark does not take 28 scan times; every 7th, 5% of the hosts change their offer.
python3 - "$SCHEMA" <<'PY' | $PSQL >/dev/null
import sys
schema = sys.argv[1]
print(f"set search_path = {schema};")
for i in range(27):
    print(f"""insert into scan_run (id, trigger, selector, status, started_at, finished_at, total, done, summary)
      select nextval('scan_run_seq'), 'bench', '{{}}', 'finished', now() - interval '{27 - i} days',
             now() - interval '{27 - i} days' + interval '2 minutes', total, done, summary
        from scan_run where trigger = 'api' order by id desc limit 1;""")
    print("""update observation o set last_scan_id = (select max(id) from scan_run), seen = seen + 1
               from host_status s where s.observation_id = o.id;""")
    if i % 7 == 6:
        print("""with changed as (select s.host_id, s.observation_id from host_status s where abs(hashint8(s.host_id)) % 20 = """ + str(i % 20) + """),
                   neu as (insert into observation (id, host_id, first_scan_id, last_scan_id, seen, first_seen_at,
                             last_seen_at, outcome, detail, identification, pre_identification, resolved_address, offer_id)
                           select nextval('observation_seq'), o.host_id, (select max(id) from scan_run),
                                  (select max(id) from scan_run), 1, now(), now(), 'REFUSED', 'connection refused',
                                  null, '[]', o.resolved_address, null
                             from observation o join changed c on c.observation_id = o.id
                           returning id, host_id)
              update host_status s set observation_id = neu.id, state = 'unreachable', worst_severity = null,
                     finding_count = 0 from neu where s.host_id = neu.host_id;""")
    # As autovacuum and the service's own analyze at the end of each scan would between nightly scans.
    print("vacuum analyze observation; vacuum analyze host_status;")
PY
printf 'history: %s scans, %s observations, %s findings\n' \
  "$($PSQL -c "select count(*) from $SCHEMA.scan_run")" "$($PSQL -c "select count(*) from $SCHEMA.observation")" \
  "$($PSQL -c "select count(*) from $SCHEMA.finding")"

}  # end of the part REPORTS_ONLY skips

python3 - "$PORT" <<'PY'
import json, sys, time, urllib.request, random
port = sys.argv[1]
base = f"http://localhost:{port}"
some_host = json.load(urllib.request.urlopen(base + "/api/reports/latest?size=1&label=env=prod"))["items"][0]["hostId"]
queries = {
    "summary": "/api/reports/summary",
    "summary by label": "/api/reports/summary?groupBy=rack",
    "latest page (label filter)": "/api/reports/latest?label=env=prod&size=100&page={page}",
    "non-compliant page": "/api/reports/non-compliant?size=100&page={page}",
    "non-compliant, high+ (label)": "/api/reports/non-compliant?severity=high&label=rack=r7&size=100",
    "one host": "/api/reports/hosts/{host}",
    "host drift": "/api/reports/hosts/{host}/drift",
    "algorithm use": "/api/reports/algorithms/hmac-sha1?size=100&page={page}",
    "trends (30 scans)": "/api/reports/trends?scans=30",
    "changes in latest scan": "/api/reports/changes",
    "inventory page (label)": "/api/hosts?label=rack=r3&size=100&page={page}",
}
print(f"report queries over {len(queries)} endpoints, 60 requests each after 5 warm-up (ms):")
print(f"{'query':34} {'p50':>7} {'p95':>7} {'max':>7}")
worst = 0
for name, path in queries.items():
    times = []
    for i in range(65):
        url = base + path.format(page=random.randint(0, 50), host=some_host + random.randint(0, 5000))
        t = time.perf_counter()
        try:
            urllib.request.urlopen(url).read()
        except urllib.error.HTTPError as e:
            if e.code != 404:
                raise
        if i >= 5:
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    worst = max(worst, p95)
    print(f"{name:34} {times[len(times)//2]:7.1f} {p95:7.1f} {times[-1]:7.1f}")
print(f"worst p95: {worst:.1f} ms (goal <= 50 ms)")
PY
