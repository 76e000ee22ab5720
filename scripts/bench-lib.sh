# Shared by the end-to-end benchmarks: a throw-away database, a Release build, a demo signer and a worker to measure.
# Sourced after lib.sh. Sets: work, database, password, port, route, worker_pid; defines sql, start_worker, rss, cpu.

bench_setup() {
  local name=$1
  require_dotnet
  ensure_packages curl:curl psql:postgresql-client bc:bc python3:python3
  ensure_postgres
  work=$(mktemp -d "/tmp/bench-$name.XXXXXX")
  database="bench_${name}_$(date +%s)"
  password=$(random_secret)
  ensure_role worker_bench "$password"
  ensure_database "$database" worker_bench
  worker_pid=""
  trap bench_cleanup EXIT
  echo "Building (Release)..."
  dotnet build Worker/Worker.csproj -c Release -o "$work/bin" -v quiet -nologo >/dev/null
  route="$work/routes/bench"
  mkdir -p "$route/inbox" "$route/signed" "$route/declined" "$route/failed" "$work/data" "$work/logs" "$work/staging"
  dotnet "$work/bin/Worker.dll" dev-certs "$work/certs" >/dev/null
  mkdir -p "$work/secrets" && head -c 32 /dev/urandom > "$work/secrets/keys.secret" && head -c 32 /dev/urandom > "$work/secrets/audit-head.key"
  port=$(( 20000 + RANDOM % 20000 ))
}

bench_cleanup() {
  if [ -n "$worker_pid" ] && kill -0 "$worker_pid" 2>/dev/null; then kill -TERM "$worker_pid"; wait "$worker_pid" 2>/dev/null || true; fi
  as_postgres psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null || true
  rm -rf "$work"
}

# bench_config EXTRA_WORKER_JSON: writes $work/config.json with one route "bench" (one approver, signer demo).
bench_config() {
  cat > "$work/config.json" <<JSON
{ "Worker": {
    "Urls": "http://127.0.0.1:$port", "PublicBaseUrl": "http://127.0.0.1:$port",
    "DataDirectory": "$work/data", "LogDirectory": "$work/logs",
    "Database": { "ConnectionString": "Host=127.0.0.1;Port=5432;Database=$database;Username=worker_bench;Password=$password" },
    "Mail": { "PickupDirectory": "$work/outbox" },
    "Web": { "KeyProtectionFile": "$work/secrets/keys.secret" }, "Audit": { "HeadKeyFile": "$work/secrets/audit-head.key" },
    "Signers": { "demo": { "Pkcs12": "$work/certs/signer.p12", "PasswordFile": "$work/certs/signer.pass", "Name": "Bench Signer" } },
    $1
    "Routes": [ { "Name": "bench", "Inbox": "$route/inbox", "Archive": "$route/signed/{yyyy}/{name}.pdf",
                  "Declined": "$route/declined", "Failed": "$route/failed",
                  "Approvers": [ { "Email": "kadis@example.go.id", "Name": "Bench Signer", "Position": "Kepala Dinas", "Signer": "demo" } ] } ] } }
JSON
}

sql() { PGPASSWORD=$password psql -h 127.0.0.1 -U worker_bench -d "$database" -tAc "$1"; }

start_worker() {
  (cd "$work" && exec dotnet "$work/bin/Worker.dll" run --config "$work/config.json" >"$work/worker.out" 2>&1) &
  worker_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$worker_pid" 2>/dev/null || { echo "worker exited:"; tail -n 20 "$work/worker.out"; exit 1; }
    sleep 0.5
  done
  echo "worker not ready in 60 s"; exit 1
}

rss() { awk '/^VmRSS/ {print $2}' "/proc/$worker_pid/status"; }
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$worker_pid/stat"; }

# make_pdfs COUNT: distinct copies of a small corpus PDF in $work/staging.
make_pdfs() {
  local original=../shared/corpus/minimal-document.pdf
  for i in $(seq -w 1 "$1"); do { cat "$original"; printf '\n%% bench %s %s\n' "$i" "$RANDOM"; } > "$work/staging/surat-$i.pdf"; done
}
