#!/usr/bin/env bash
# Chaos run (issue 19): N workers on one PostgreSQL of their own and one inbox. While files are dropped and approved over HTTP (as
# a phone would), a random worker is SIGKILLed every 3-6 s and restarted, PostgreSQL is restarted once, the SMTP server is down
# for 15 s and the archive (a small tmpfs) is full for 10 s. Then it checks: every document ended, one archived file per Filed
# document and each valid in pdfsig, nothing left in the inbox or .processing, approval emails per step, the audit chain; and
# reports how long the last document took after the faults stopped. Needs root (PostgreSQL as postgres, the tmpfs mount).
#   scripts/chaos.sh [--files N] [--workers N] [--faults SECONDS] [--converge SECONDS] [--max-converge SECONDS] [--bin DIR]
# --max-converge: fail the run when the last document ended later than this after the faults stopped (issue 19: 60).
# --bin: a folder with a built Worker.dll (the tests pass theirs); otherwise the worker is built into artifacts/chaos/bin.
# --keep: keep the run folder (database, logs, mail) after a passing run too.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

files=60 workers=2 faults=60 converge=180 max_converge="" bin="" keep=""
while [ $# -gt 0 ]; do
  case $1 in
    --files) files=$2; shift 2 ;; --workers) workers=$2; shift 2 ;;
    --faults) faults=$2; shift 2 ;; --converge) converge=$2; shift 2 ;; --max-converge) max_converge=$2; shift 2 ;; --bin) bin=$2; shift 2 ;; --keep) keep=1; shift ;;
    *) echo "usage: scripts/chaos.sh [--files N] [--workers N] [--faults SECONDS] [--converge SECONDS] [--max-converge SECONDS] [--bin DIR] [--keep]" >&2; exit 2 ;;
  esac
done

require_dotnet
ensure_packages pdfsig:poppler-utils python3:python3 curl:curl pg_lsclusters:postgresql
repo=$(pwd)
[ -z "$bin" ] || bin=$(cd "$bin" && pwd)
if [ -z "$bin" ]; then
  bin=$repo/artifacts/chaos/bin
  dotnet build Worker/Worker.csproj -c Release -o "$bin" -v q -nologo >/dev/null || { echo "chaos: the worker does not build" >&2; exit 1; }
fi
worker=(dotnet "$bin/Worker.dll")

run=$(mktemp -d /tmp/tte-chaos.XXXXXX)
chmod 755 "$run"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# PostgreSQL of its own, so the machine's cluster (other people's tests) is never touched.
pgbin=/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -n 1)/bin
pgport=$(free_port)
mkdir -p "$run/pg" && chown postgres "$run/pg"
as_postgres "$pgbin/initdb" -D "$run/pg/data" -A trust -U postgres >/dev/null
pg() { as_postgres "$pgbin/pg_ctl" -D "$run/pg/data" -l "$run/pg/log" -w -o "-p $pgport -k $run/pg -c listen_addresses=127.0.0.1" "$@" >/dev/null; }
pg start
as_postgres "$pgbin/psql" -q -h 127.0.0.1 -p "$pgport" -d postgres -c "CREATE DATABASE worker" >/dev/null
psql_run() { as_postgres "$pgbin/psql" -X -At -h 127.0.0.1 -p "$pgport" -d worker -c "$1"; }

smtp_port=$(free_port)
start_smtp() { python3 "$repo/scripts/chaos-smtp.py" "$smtp_port" "$run/mail" & smtp_pid=$!; }
start_smtp

mkdir -p "$run/archive" "$run/inbox" "$run/declined" "$run/failed" "$run/data" "$run/drop"
mount -t tmpfs -o size=32m tmpfs "$run/archive"

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  kill "$smtp_pid" 2>/dev/null || true
  pg stop -m fast 2>/dev/null || true
  umount -l "$run/archive" 2>/dev/null || true
  [ -e "$run/passed" ] && rm -rf "$run"
  return 0
}
trap cleanup EXIT

"${worker[@]}" dev-certs "$run/certs" >/dev/null
# The keys a worker needs at start: data-protection key encryption and the audit head's HMAC.
mkdir -p "$run/secrets" && chmod 700 "$run/secrets"
head -c 32 /dev/urandom > "$run/secrets/keys.secret" && head -c 32 /dev/urandom > "$run/secrets/audit-head.key"
chmod 600 "$run/secrets/keys.secret" "$run/secrets/audit-head.key"
base_port=$(free_port)
cat > "$run/config.json" <<JSON
{ "Worker": {
    "PublicBaseUrl": "http://127.0.0.1:$base_port",
    "DataDirectory": "$run/data",
    "Database": { "ConnectionString": "Host=127.0.0.1;Port=$pgport;Database=worker;Username=postgres", "PasswordFile": "" },
    "Mail": { "Smtp": { "Host": "127.0.0.1", "Port": $smtp_port, "Security": "None", "Timeout": "00:00:05" } },
    "Signers": { "demo": { "Pkcs12": "$run/certs/signer.p12", "PasswordFile": "$run/certs/signer.pass", "Name": "Demo Signer", "Position": "Kepala Dinas" } },
    "Signing": { "Retries": 3, "RetryDelay": "00:00:02" },
    "Approval": { "RequestsPerMinute": 100000 },
    "Web": { "KeyProtectionFile": "$run/secrets/keys.secret" }, "Audit": { "HeadKeyFile": "$run/secrets/audit-head.key" },
    "Intake": { "StableFor": "00:00:01", "RescanEvery": "00:00:10" },
    "Routes": [ { "Name": "surat-keluar", "Inbox": "$run/inbox", "Archive": "$run/archive/{yyyy}/{MM}/{name}.pdf",
                  "Declined": "$run/declined", "Failed": "$run/failed", "Contact": "tu@example.go.id",
                  "Approvers": [ { "Email": "kadis@example.go.id", "Name": "Demo Signer", "Position": "Kepala Dinas", "Signer": "demo" } ] } ] } }
JSON

port_of() { echo $((base_port + $1)); }
start_worker() {
  local i=$1
  (cd "$run" && Worker__Urls="http://127.0.0.1:$(port_of "$i")" Worker__LogDirectory="$run/logs-$i" \
     exec "${worker[@]}" run --config "$run/config.json" >>"$run/worker-$i.out" 2>&1) &
  pids[$i]=$!
}
for i in $(seq 0 $((workers - 1))); do start_worker "$i"; done
# The first worker migrates; wait until every worker answers.
for i in $(seq 0 $((workers - 1))); do
  for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://127.0.0.1:$(port_of "$i")/health/ready" 2>/dev/null && break; sleep 1; done
done
log "$workers workers up; PostgreSQL on $pgport, SMTP on $smtp_port, run folder $run"

# The phones: every link that arrives is opened and approved, each by a phone of its own, on any worker that answers (any worker
# serves any link); a phone that finds no worker tries again a second later.
approve_one() {
  local eml=$1 token; token=$(grep -ao '/approve/[A-Za-z0-9_-]\{20,\}' "$eml" | head -n 1 | cut -d/ -f3 || true)
  [ -n "$token" ] || return 0
  local jar; jar=$(mktemp "$run/approved/jar.XXXXXX")
  for _ in $(seq 1 300); do
    [ -e "$run/stop-approving" ] && return 0
    local port; port=$(port_of $((RANDOM % workers)))
    local page status
    page=$(curl -sS -m 10 -c "$jar" -w '\n%{http_code}' "http://127.0.0.1:$port/approve/$token" 2>/dev/null) || { sleep 1; continue; }
    status=${page##*$'\n'}
    # 410: decided already (by this phone before the worker died mid-answer) or replaced by a newer link
    [ "$status" = 410 ] && return 0
    [ "$status" = 200 ] || { sleep 1; continue; }
    local field; field=$(printf '%s' "$page" | grep -o 'name="__tte"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | sed 's/&#x2B;/+/g; s/&#x2F;/\//g; s/&#x3D;/=/g' | head -n 1)
    status=$(curl -s -o /dev/null -w '%{http_code}' -m 15 -b "$jar" --data-urlencode "__tte=$field" \
      -d decision=approve -d confirm=yes "http://127.0.0.1:$port/approve/$token" 2>/dev/null || true)
    { [ "$status" = 200 ] || [ "$status" = 410 ]; } && return 0
    sleep 1
  done
}
approve_links() {
  mkdir -p "$run/approved"
  while [ ! -e "$run/stop-approving" ]; do
    for eml in "$run"/mail/*.eml; do
      [ -e "$eml" ] || continue
      local taken="$run/approved/$(basename "$eml")"
      [ -e "$taken" ] && continue
      touch "$taken"
      approve_one "$eml" &
    done
    sleep 0.5
  done
  wait
}
approve_links & approver_pid=$!
pids+=("$approver_pid")

corpus=$(cd "$repo/.." && pwd)/shared/corpus/pdflatex-4-pages.pdf
drop_files() {
  local gap; gap=$(python3 -c "print(max(0.05, $faults / $files))")
  for n in $(seq 1 "$files"); do
    # Unique bytes per file (a comment after %%EOF), written beside the inbox and renamed in, as a share client would.
    { cat "$corpus"; printf '\n%% chaos %s %s\n' "$n" "$run"; } > "$run/drop/chaos-$n.pdf"
    mv "$run/drop/chaos-$n.pdf" "$run/inbox/chaos-$n.pdf"
    sleep "$gap"
  done
}
drop_files & dropper_pid=$!

start=$(date +%s)
pg_restarted=0 smtp_stopped=0 archive_filled=0 kills=0
while [ $(( $(date +%s) - start )) -lt "$faults" ]; do
  elapsed=$(( $(date +%s) - start ))
  sleep $((3 + RANDOM % 4))
  i=$((RANDOM % workers))
  kill -9 "${pids[$i]}" 2>/dev/null || true
  wait "${pids[$i]}" 2>/dev/null || true
  kills=$((kills + 1))
  start_worker "$i"
  if [ $pg_restarted = 0 ] && [ "$elapsed" -ge $((faults / 3)) ]; then
    log "restarting PostgreSQL (immediate, as a crash)"; pg restart -m immediate; pg_restarted=1
  fi
  if [ $smtp_stopped = 0 ] && [ "$elapsed" -ge $((faults / 2)) ]; then
    log "SMTP down for 15 s"; kill "$smtp_pid"; (sleep 15; touch "$run/smtp-up") & smtp_stopped=1
  fi
  if [ -e "$run/smtp-up" ] && [ $smtp_stopped = 1 ]; then start_smtp; rm -f "$run/smtp-up"; smtp_stopped=2; log "SMTP up"; fi
  if [ $archive_filled = 0 ] && [ "$elapsed" -ge $((faults / 4)) ]; then
    log "archive full for 10 s"; fallocate -l 31m "$run/archive/.filler" 2>/dev/null || head -c 31m /dev/zero > "$run/archive/.filler" || true
    (sleep 10; rm -f "$run/archive/.filler") & archive_filled=1
  fi
done
wait "$dropper_pid"
if [ $smtp_stopped = 1 ]; then sleep 15; start_smtp; log "SMTP up"; fi
sleep 11; rm -f "$run/archive/.filler"
faults_end=$(date +%s.%N)
log "faults stopped after $kills kills; waiting up to ${converge}s for every document to end"

ended="'Filed','Declined','Expired','Invalid','Duplicate','Failed'"
deadline=$(( $(date +%s) + converge ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  open=$(psql_run "SELECT count(*) FROM worker.documents WHERE state NOT IN ($ended)" 2>/dev/null || echo "?")
  total=$(psql_run "SELECT count(*) FROM worker.documents" 2>/dev/null || echo 0)
  [ "$open" = 0 ] && [ "$total" -ge "$files" ] && break
  sleep 2
done
touch "$run/stop-approving"
last=$(psql_run "SELECT extract(epoch FROM max(updated_at)) FROM worker.documents")
converged=$(python3 -c "print(round(max(0, $last - $faults_end), 1))")

failures=0
check() { if eval "$2"; then echo "ok    $1"; else echo "FAIL  $1"; failures=$((failures + 1)); fi; }
states=$(psql_run "SELECT string_agg(state || '=' || n, ' ') FROM (SELECT state, count(*) n FROM worker.documents GROUP BY state ORDER BY state) s")
filed=$(psql_run "SELECT count(*) FROM worker.documents WHERE state = 'Filed'")
archived=$(find "$run/archive" -name '*.pdf' -not -name '.*' | wc -l)
echo "documents: $states"
check "$files files became $files documents" '[ "$(psql_run "SELECT count(*) FROM worker.documents")" = "$files" ]'
check "every document ended" '[ "$(psql_run "SELECT count(*) FROM worker.documents WHERE state NOT IN ($ended)")" = 0 ]'
check "one archived file per Filed document ($archived files, $filed Filed)" '[ "$archived" = "$filed" ] && [ "$(psql_run "SELECT count(DISTINCT signed_path) FROM worker.documents WHERE state = '"'Filed'"'")" = "$filed" ]'
invalid=0
while read -r f; do pdfsig "$f" 2>/dev/null | grep -q "Signature is Valid" || { invalid=$((invalid + 1)); echo "      not valid in pdfsig: $f"; }; done < <(find "$run/archive" -name '*.pdf' -not -name '.*')
check "every archived file valid in pdfsig" '[ "$invalid" = 0 ]'
check "nothing left in the inbox or .processing" '[ -z "$(find "$run/inbox" -type f)" ]'
stray=$(find "$run/archive" -name ".*" -type f -printf '%P ')
[ -z "$stray" ] || echo "      stray in the archive: $stray"
check "no stray temporary files in the archive" '[ -z "$stray" ]'
steps=$(psql_run "SELECT count(*) FROM worker.approval_steps")
invites=$(grep -l '/approve/' "$run"/mail/*.eml 2>/dev/null | wc -l)
unique=$(grep -ho '/approve/[A-Za-z0-9_-]\{20,\}' "$run"/mail/*.eml 2>/dev/null | sort -u | wc -l)
echo "approval emails: $invites for $steps steps ($((invites - steps)) repeats; $unique distinct links)"
check "every step got its approval email" '[ "$unique" -ge "$steps" ]'
check "audit chain verifies" '(cd "$run" && "${worker[@]}" audit verify --config "$run/config.json" >/dev/null)'
[ -z "$max_converge" ] || check "converged within ${max_converge}s of the faults stopping (${converged}s)" \
  'python3 -c "import sys; sys.exit(0 if $converged <= $max_converge else 1)"'
echo "converged ${converged}s after the faults stopped ($files files, $workers workers, $kills kills, PostgreSQL restarted, SMTP down 15 s, archive full 10 s)"
[ "$failures" = 0 ] && { [ -n "$keep" ] || touch "$run/passed"; echo "chaos: passed"; exit 0; }
echo "chaos: $failures check(s) failed; logs in $run" >&2
exit 1
