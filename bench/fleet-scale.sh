#!/usr/bin/env bash
# Fleet benchmark (issues 5 and 17): HOSTS inventory hosts on loopback (default 100,000), imported, scanned,
# stored and judged by the packaged service under -Xmx512m with its default probe and scan settings; the report
# endpoints are queried all through the first scan (p95 against the goal of 50 ms); then 30 scans of history and
# the report latencies again.
# The fleet: 100 ports (10000-10099) on each of HOSTS/100 loopback addresses (127.77.0.1, 127.77.0.2, ...;
# 1,000 addresses for 100,000 hosts), a realistic mix decided by the port (SshResponder mix): 70% answer after
# 100-300 ms, 20% accept and never answer, 10% refuse. Hosts are listed address by address within each port, as a
# fleet of 100,000 machines with one sshd each would spread over addresses, so the default politeness of 4 probes
# per address holds without being raised. Responders: one process per 10,000 hosts (a process may hold 20,000
# files here). MIX=0 gives an all-answering-at-once fleet.
# Checked: the scan's summary and, in the database, every host's stored outcome against the one its port decides,
# and every answering host judged (its findings counted); a mismatch fails the run (exit 1).
# Database: a PostgreSQL of its own (Debian's or any `initdb`/`pg_ctl` on the PATH), started in a temporary
# directory on a free port and removed at exit, defaults except listening on 127.0.0.1; PGPORT=N uses the
# PostgreSQL on that port instead (user postgres, no password; schema kexwatch_bench, dropped first).
# Usage (repository root, after ./mvnw package -DskipTests): bench/fleet-scale.sh [HOSTS]   (default 100000,
# a multiple of 100). HISTORY=0 skips scans 2 and 3, the 30 scans of history and the report run after them.
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n "$(ulimit -Hn)"

HOSTS=${1:-100000} PER=100 BASE=10000 NET=${NET:-127.77} SCHEMA=${SCHEMA:-kexwatch_bench}
[ $((HOSTS % PER)) = 0 ] && [ "$HOSTS" -ge $PER ] || { echo "HOSTS must be a multiple of $PER" >&2; exit 2; }
NADDR=$((HOSTS / PER))
[ "$NADDR" -le 64000 ] || { echo "at most 6,400,000 hosts" >&2; exit 2; }
MODE=mix; [ "${MIX:-1}" = 1 ] || MODE=ports
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=${PORT:-$(free_port)}
pids=() pgdata=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$pgdata" ]; then
    pg stop -D "$pgdata" -m fast >/dev/null 2>&1 || true
    rm -rf "$pgdata"
  fi
  rm -f target/fleet-scanning
}
trap cleanup EXIT
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp -q -o package -DskipTests
./mvnw -B -ntp -q -o test-compile # SshResponder
note() { printf '%s  (load %s)\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }
note "fleet-scale: $HOSTS hosts, $NADDR addresses x $PER ports, mix=$MODE, $(date -u '+%F %T UTC'), $(git log -1 --format=%h)"

# --- the database -------------------------------------------------------------------------------------------
pgbin=$(command -v pg_ctl >/dev/null && dirname "$(readlink -f "$(command -v pg_ctl)")" ||
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
pg() { # pg_ctl as a user PostgreSQL accepts (it refuses root)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pgbin/pg_ctl" "$@"; else "$pgbin/pg_ctl" "$@"; fi
}
if [ -z "${PGPORT:-}" ]; then
  PGPORT=$(free_port)
  pgdata=$(mktemp -d /tmp/kexwatch-fleet-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres: "$pgdata"
  pg initdb -D "$pgdata" -o "-U postgres --auth=trust --no-sync" >/dev/null
  pg start -D "$pgdata" -w -t 300 -l "$pgdata/server.log" \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pgdata" >/dev/null
fi
PSQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -d postgres -qtA -v ON_ERROR_STOP=1"
$PSQL -c "drop schema if exists $SCHEMA cascade" >/dev/null 2>&1

# --- the fleet ----------------------------------------------------------------------------------------------
addresses=$(python3 -c '
import sys
net, n = sys.argv[1], int(sys.argv[2])
print(" ".join(f"{net}.{i // 250}.{i % 250 + 1}" for i in range(n)))' "$NET" "$NADDR")
chunk=$((10000 / PER)) # addresses per responder process
set -- $addresses
logs=()
while [ $# -gt 0 ]; do
  group=$(printf '%s\n' "${@:1:$chunk}" | paste -sd,)
  log=target/fleet-responder-${1}.log
  java -Xmx256m -cp target/test-classes:target/classes dev.kexwatch.testsupport.SshResponder $MODE "$group" $BASE $PER \
    >"$log" 2>&1 &
  pids+=($!) logs+=("$log")
  shift $(($# < chunk ? $# : chunk))
done
for log in "${logs[@]}"; do
  for _ in $(seq 1200); do grep -q '^ready' "$log" 2>/dev/null && break; sleep 0.25; done
  grep -q '^ready' "$log" || { echo "responder did not start: $log" >&2; cat "$log" >&2; exit 1; }
done
note "responders ready (${#logs[@]} processes)"

python3 - "$PER" "$BASE" $addresses >target/bench-hosts.csv <<'PY'
import sys
per, base, addrs = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
print("address,port,labels")
for p in range(base, base + per):
    for a in addrs:
        print(f"{a},{p},env={'prod' if p % 3 else 'staging'};rack=r{p % 40}")
PY

# --- the service: defaults except where it listens, its database, the inventory, and open reads -------------
start=$(date +%s.%N)
java -Xmx512m -Dquarkus.http.port=$PORT -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$PGPORT/postgres?currentSchema=$SCHEMA" \
  -Dquarkus.datasource.username=postgres -Dquarkus.flyway.schemas=$SCHEMA \
  -Dkexwatch.inventory.file=target/bench-hosts.csv \
  -Dkexwatch.security.open-reads=true -Dquarkus.http.auth.permission.api-write.policy=permit \
  -Dquarkus.log.level=WARN -Dquarkus.log.category.\"dev.kexwatch\".level=INFO \
  -jar target/quarkus-app/quarkus-run.jar >target/fleet-service.log 2>&1 &
service=$!
pids+=($service)
until curl -sf localhost:$PORT/q/health/ready >/dev/null; do
  kill -0 $service 2>/dev/null || { echo "the service died; target/fleet-service.log:" >&2; tail -30 target/fleet-service.log >&2; exit 1; }
  sleep 0.5
done
ready=$(date +%s.%N)
note "$(printf 'start-up with import of %d hosts: %.1f s' "$HOSTS" "$(echo "$ready - $start" | bc)")"
imported=$($PSQL -c "select count(*) from $SCHEMA.host")
[ "$imported" = "$HOSTS" ] || { echo "imported $imported of $HOSTS hosts" >&2; exit 1; }

heap_sampler() { # max heap used (MiB) while the scan runs
  local max=0 v
  while [ -f target/fleet-scanning ]; do
    v=$(curl -s localhost:$PORT/q/metrics | awk '/^jvm_memory_used_bytes\{/ && /area="heap"/ {s+=$NF} END {printf "%d", s/1048576}')
    [ "${v:-0}" -gt "$max" ] && max=$v
    sleep 1
  done
  echo "$max" >target/fleet-heap
}

scan() { # prints wall seconds of one full scan (started, every host probed, stored and judged)
  local id s e status
  s=$(date +%s.%N)
  id=$(curl -sf -XPOST localhost:$PORT/api/scans | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while true; do
    status=$(curl -sf localhost:$PORT/api/scans/$id | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$status" != running ] && break
    sleep 0.5
  done
  e=$(date +%s.%N)
  curl -sf localhost:$PORT/api/scans/$id >target/fleet-scan-last.json
  [ "$status" = finished ] || { echo "scan $id ended $status" >&2; exit 1; }
  echo "$e - $s" | bc
}

reports() { # MODE: during (until the scan ends) | after (65 requests per query); prints p50/p95/max per query
  python3 - "$PORT" "$1" <<'PY'
import json, os, random, sys, time, urllib.error, urllib.request
port, mode = sys.argv[1], sys.argv[2]
base = f"http://localhost:{port}"
# Hosts to ask about: real ids (ids are not dense: the import takes them from a sequence in blocks), spread over
# the fleet; host 50 of page 37 is as likely as the first.
ids = [h["id"] for page in range(0, 100, 9)
       for h in json.load(urllib.request.urlopen(f"{base}/api/hosts?size=100&page={page}"))["items"]]
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
times = {name: [] for name in queries}
def once(name, path):
    url = base + path.format(page=random.randint(0, 50), host=random.choice(ids))
    t = time.perf_counter()
    try:
        urllib.request.urlopen(url).read()
    except urllib.error.HTTPError as e:
        if e.code != 404:
            raise
    return (time.perf_counter() - t) * 1000
WARM = 90  # seconds: the service was started just before scan 1, and its JIT compiles the scan's and the reports' code
start = time.monotonic()
if mode == "during":  # round after round, one request at a time, a pause of 0.1 s between them
    while os.path.exists("target/fleet-scanning"):
        for name, path in queries.items():
            times[name].append((time.monotonic() - start, once(name, path)))
            time.sleep(0.1)
else:
    for name, path in queries.items():
        for i in range(65):
            t = once(name, path)
            if i >= 5:
                times[name].append((0, t))
if mode == "during":  # every sample, for a closer look: seconds since the scan began, query, ms
    import csv
    with open("target/fleet-report-samples.csv", "w", newline="") as out:
        rows = csv.writer(out)
        rows.writerow(["at", "query", "ms"])
        rows.writerows([f"{at:.2f}", name, f"{ms:.1f}"] for name, samples in times.items() for at, ms in samples)
def p95(ts):
    return ts[max(0, -(-len(ts) * 95 // 100) - 1)] if ts else float("nan")
print(f"report queries {mode} the scan (ms):")
late = f"p95 after {WARM} s" if mode == "during" else ""
print(f"  {'query':34} {'n':>5} {'p50':>7} {'p95':>7} {'max':>7}  {late}")
worst = worst_late = 0
for name, samples in times.items():
    ts = sorted(ms for _, ms in samples)
    worst = max(worst, p95(ts))
    after = sorted(ms for at, ms in samples if at >= WARM)
    worst_late = max(worst_late, p95(after))
    print(f"  {name:34} {len(ts):5} {ts[len(ts) // 2]:7.1f} {p95(ts):7.1f} {ts[-1]:7.1f}"
          + (f"  {p95(after):7.1f} (n {len(after)})" if mode == "during" else ""))
print(f"  worst p95: {worst:.1f} ms (goal <= 50 ms: {'met' if worst <= 50 else 'NOT met'})")
if mode == "during":
    print(f"  worst p95 after the first {WARM} s: {worst_late:.1f} ms (goal <= 50 ms: {'met' if worst_late <= 50 else 'NOT met'})")
PY
}

check() { # every host stored by the last scan with the outcome its port decides; every answering host judged
  python3 - "$PER" "$BASE" "$NADDR" "$MODE" <<'PY'
import json, sys
per, base, naddr, mode = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
kinds = ["OK"] * 7 + ["TIMEOUT_IDENTIFICATION"] * 2 + ["REFUSED"] if mode == "mix" else ["OK"] * 10
want = {}
for p in range(base, base + per):
    want[kinds[p % 10]] = want.get(kinds[p % 10], 0) + naddr
summary = json.load(open("target/fleet-scan-last.json"))["summary"]
got = {k.split(".", 1)[1]: v for k, v in summary.items() if k.startswith("outcome.")}
print("  scan summary", got, "as expected" if got == want else f"MISMATCH, expected {want}")
sys.exit(0 if got == want else 1)
PY
  local want="case when h.port % 10 < 7 then 'OK' when h.port % 10 < 9 then 'TIMEOUT_IDENTIFICATION' else 'REFUSED' end"
  [ "$MODE" = mix ] || want="'OK'"
  local q="select count(*) filter (where o.outcome = $want and o.last_scan_id = (select max(id) from $SCHEMA.scan_run)),
                  count(*) filter (where o.outcome = 'OK' and s.worst_severity is not null and s.finding_count > 0),
                  count(*) filter (where $want = 'OK')
             from $SCHEMA.host h join $SCHEMA.host_status s on s.host_id = h.id join $SCHEMA.observation o on o.id = s.observation_id"
  local right judged answering
  IFS='|' read -r right judged answering <<<"$($PSQL -c "$q")"
  echo "  stored: $right of $HOSTS hosts with the expected outcome from this scan; judged: $judged of $answering answering hosts"
  [ "$right" = "$HOSTS" ] && [ "$judged" = "$answering" ] || { echo "  MISMATCH in the database" >&2; exit 1; }
}

# --- scan 1: the number the issue asks for --------------------------------------------------------------------
touch target/fleet-scanning
heap_sampler &
sampler=$!
reports during >target/fleet-reports-during.txt 2>&1 &
querier=$!
cpu0=$(awk '{print $14 + $15}' /proc/$service/stat)
first=$(scan)
cpu1=$(awk '{print $14 + $15}' /proc/$service/stat)
rm -f target/fleet-scanning
wait $sampler
wait $querier || { cat target/fleet-reports-during.txt >&2; exit 1; }
note "$(printf 'scan 1 (%d hosts, new offers, findings written): %.1f s wall, service CPU %.1f s, heap max %s MiB (-Xmx512m)' \
  "$HOSTS" "$first" "$(echo "($cpu1 - $cpu0) / $(getconf CLK_TCK)" | bc -l)" "$(cat target/fleet-heap)")"
check
cat target/fleet-reports-during.txt

[ "${HISTORY:-1}" = 1 ] || exit 0
touch target/fleet-scanning; heap_sampler & sampler=$!
second=$(scan)
rm -f target/fleet-scanning; wait $sampler
note "$(printf 'scan 2 (unchanged fleet): %.1f s wall, heap max %s MiB' "$second" "$(cat target/fleet-heap)")"
check
size() { $PSQL -c "vacuum" >/dev/null; $PSQL -c "select sum(pg_total_relation_size(c.oid)) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = '$SCHEMA' and c.relkind in ('r','i','t')"; }
# Steady state: the first update of a row needs room on its page; later ones reuse what VACUUM freed.
before=$(size)
third=$(scan)
after=$(size)
note "$(printf 'scan 3 (unchanged fleet): %.1f s wall; storage growth %d bytes = %.1f bytes per host per scan (goal <= 64)' \
  "$third" "$((after - before))" "$(echo "($after - $before) / $HOSTS" | bc -l)")"

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
note "history: $($PSQL -c "select count(*) from $SCHEMA.scan_run") scans, $($PSQL -c "select count(*) from $SCHEMA.observation") observations, $($PSQL -c "select count(*) from $SCHEMA.finding") findings"
reports after
