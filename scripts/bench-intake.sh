#!/usr/bin/env bash
# Intake benchmark (not a test): COUNT PDFs (default 1,000) appear in one inbox at once; prints the seconds until
# every one is recorded and its approval job enqueued, and the worker's memory before, at peak and after.
# Usage: scripts/bench-intake.sh [COUNT]
# Uses the production defaults (StableFor 2 s) against a throw-away database on the local PostgreSQL.
# Measured on the 2-core build machine while other builds ran (load average 13-15): 1,000 files all enqueued in
# 32-34 s, 21 s of worker CPU, RSS 122 MB before, 205 MB at peak, 179 MB after. Of that CPU about 6 s is Hangfire
# running the approval jobs, which fail and retry on the intake branch because IApprovalStarter is not implemented there.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

count=${1:-1000}
require_dotnet
ensure_packages openssl:openssl curl:curl psql:postgresql-client bc:bc
ensure_postgres

work=$(mktemp -d /tmp/bench-intake.XXXXXX)
database="bench_intake_$(date +%s)"
password=$(random_secret)
ensure_role worker_bench "$password"
ensure_database "$database" worker_bench
worker_pid=""
cleanup() {
  if [ -n "$worker_pid" ] && kill -0 "$worker_pid" 2>/dev/null; then kill -TERM "$worker_pid"; wait "$worker_pid" 2>/dev/null || true; fi
  as_postgres psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
sql() { PGPASSWORD=$password psql -h 127.0.0.1 -U worker_bench -d "$database" -tAc "$1"; }

echo "Building (Release)..."
dotnet build Worker/Worker.csproj -c Release -o "$work/bin" -v quiet -nologo >/dev/null

route="$work/routes/bench"
mkdir -p "$route/inbox" "$route/signed" "$route/declined" "$route/failed" "$work/certs" "$work/data" "$work/logs" "$work/staging"
# Intake never signs, but the configuration must name a real signer.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/certs/key.pem" -out "$work/certs/cert.pem" -subj "/CN=Bench" -days 2 2>/dev/null
signer_password=$(random_secret)
echo "$signer_password" > "$work/certs/signer.pass"
openssl pkcs12 -export -inkey "$work/certs/key.pem" -in "$work/certs/cert.pem" -out "$work/certs/signer.p12" -passout "pass:$signer_password"
port=$(( 20000 + RANDOM % 20000 ))
cat > "$work/config.json" <<JSON
{ "Worker": {
    "Urls": "http://127.0.0.1:$port", "PublicBaseUrl": "http://127.0.0.1:$port",
    "DataDirectory": "$work/data", "LogDirectory": "$work/logs",
    "Database": { "ConnectionString": "Host=127.0.0.1;Port=5432;Database=$database;Username=worker_bench;Password=$password" },
    "Mail": { "PickupDirectory": "$work/outbox" },
    "Signers": { "demo": { "Pkcs12": "$work/certs/signer.p12", "PasswordFile": "$work/certs/signer.pass", "Name": "Bench Signer" } },
    "Routes": [ { "Name": "bench", "Inbox": "$route/inbox", "Archive": "$route/signed/{yyyy}/{name}.pdf",
                  "Declined": "$route/declined", "Failed": "$route/failed",
                  "Approvers": [ { "Email": "kadis@example.go.id", "Name": "Bench Signer", "Signer": "demo" } ] } ] } }
JSON

echo "Making $count distinct PDFs..."
original=../shared/corpus/minimal-document.pdf
for i in $(seq -w 1 "$count"); do { cat "$original"; printf '\n%% bench %s %s\n' "$i" "$RANDOM"; } > "$work/staging/surat-$i.pdf"; done

(cd "$work" && exec dotnet "$work/bin/Worker.dll" run --config "$work/config.json" >"$work/worker.out" 2>&1) &
worker_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$worker_pid" 2>/dev/null || { echo "worker exited:"; tail -n 20 "$work/worker.out"; exit 1; }
  sleep 0.5
done
rss() { awk '/^VmRSS/ {print $2}' "/proc/$worker_pid/status"; }
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$worker_pid/stat"; }
rss_before=$(rss)
cpu_before=$(cpu)
peak=$rss_before

echo "Dropping $count PDFs at once..."
start=$(date +%s.%N)
# Renames within one file system, the way a copy tool finishes: the files appear together.
find "$work/staging" -name '*.pdf' -exec mv -t "$route/inbox" {} +
done_count=0
while [ "$done_count" -lt "$count" ]; do
  sleep 0.2
  now_rss=$(rss); [ "$now_rss" -gt "$peak" ] && peak=$now_rss
  done_count=$(sql "SELECT count(*) FROM worker.documents WHERE approval_job_id IS NOT NULL")
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  if [ "$(echo "$elapsed > 300" | bc)" -eq 1 ]; then echo "gave up after 300 s with $done_count of $count"; exit 1; fi
done
end=$(date +%s.%N)
cpu_after=$(cpu)
sleep 2
rss_after=$(rss)
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$worker_pid/status")

documents=$(sql "SELECT count(*) FROM worker.documents")
jobs=$(sql "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%IApprovalStarter%'")
printf 'files dropped:             %d\n' "$count"
printf 'documents recorded:        %d (jobs enqueued: %d)\n' "$documents" "$jobs"
printf 'time to all enqueued:      %.1f s (includes StableFor 2 s)\n' "$(echo "$end - $start" | bc)"
printf 'first to last recorded:    %s s\n' "$(sql "SELECT round(extract(epoch FROM max(received_at) - min(received_at))::numeric, 1) FROM worker.documents")"
printf 'worker CPU in that time:   %s s (user + system)\n' "$(echo "$cpu_after - $cpu_before" | bc)"
printf 'machine load (1 min):      %s (2 cores; other work on the machine slows the run)\n' "$(cut -d' ' -f1 /proc/loadavg)"
printf 'worker RSS before / peak / after: %d / %d / %d MB (VmHWM since start: %d MB)\n' \
  $((rss_before / 1024)) $((peak / 1024)) $((rss_after / 1024)) $((hwm / 1024))
printf 'left in inbox / .processing / failed: %d / %d / %d\n' \
  "$(find "$route/inbox" -maxdepth 1 -type f | wc -l)" "$(find "$route/inbox/.processing" -type f | wc -l)" "$(find "$route/failed" -type f | wc -l)"
