#!/usr/bin/env bash
# Sets up everything on a fresh machine (PostgreSQL, database, demo signing identity, demo route folders)
# and runs the worker in the foreground. Running it again just starts the worker. Extra arguments go to `Worker run`.
# --bsre-demo (first argument): the demo route's official signs through the test BSrE service (passphrase flow).
set -euo pipefail
bsre_demo=0
if [ "${1:-}" = "--bsre-demo" ]; then bsre_demo=1; shift; fi
cd "$(dirname "$0")/.."
source scripts/lib.sh

require_dotnet
ensure_postgres
# qpdf normalises repairable files at intake and checks every signed output; pdftoppm draws the /verify page image.
# openssl answers OCSP and time-stamp queries for the demo CA; python3 serves its CRL and wraps openssl's TSA in HTTP.
ensure_packages qpdf:qpdf pdftoppm:poppler-utils openssl:openssl python3:python3

# The database password lives in a file outside git (data/ is ignored), never in a committed file.
mkdir -p data/secrets && chmod 700 data/secrets
[ -s data/secrets/db.pass ] || { random_secret > data/secrets/db.pass; chmod 600 data/secrets/db.pass; }
# Encrypts the cookie and form keys kept in the database, so a database backup alone cannot sign anyone in.
[ -s data/secrets/keys.secret ] || (umask 077; head -c 32 /dev/urandom > data/secrets/keys.secret)
# Signs the record of the audit trail's last event (data/audit-head), so cutting the trail's tail in the database shows.
[ -s data/secrets/audit-head.key ] || (umask 077; head -c 32 /dev/urandom > data/secrets/audit-head.key)
[ -s data/secrets/db-owner.pass ] || { random_secret > data/secrets/db-owner.pass; chmod 600 data/secrets/db-owner.pass; }
# worker_owner owns the database and the worker's schema and runs the migrations; the worker itself runs as worker, which
# may only read and add to the audit trail.
ensure_role worker_owner "$(cat data/secrets/db-owner.pass)"
ensure_role worker "$(cat data/secrets/db.pass)"
ensure_database worker worker_owner
hand_schema_to worker worker worker_owner
export Worker__Database__MigrationConnectionString="Host=127.0.0.1;Port=5432;Database=worker;Username=worker_owner"
export Worker__Database__MigrationPasswordFile=data/secrets/db-owner.pass

echo "Building the worker..."
dotnet build Worker/Worker.csproj -c Release -nologo -v quiet -o artifacts/worker >/dev/null
worker=(dotnet artifacts/worker/Worker.dll)

# Loopback ports of the demo CA's OCSP responder, CRL server and TSA; the certificates name the first two, so keep them.
ocsp_port=${TTE_DEMO_OCSP_PORT:-5081}
crl_port=${TTE_DEMO_CRL_PORT:-5082}
tsa_port=${TTE_DEMO_TSA_PORT:-5083}
# A demo CA, signers and TSA whose certificates name those services; dev-certs leaves existing keys and certificates alone
# and re-issues the CRL and the responder's index.
"${worker[@]}" dev-certs data/certs --ocsp-url "http://127.0.0.1:$ocsp_port/" --crl-url "http://127.0.0.1:$crl_port/ca.crl" >/dev/null
mkdir -p data/routes/surat-keluar/{inbox,declined,failed,signed} data/outbox logs

# The demo services run beside the worker and stop with it; filed documents then get PAdES B-LTA.
service_pids=()
stop_services() { for pid in "${service_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_services EXIT
openssl ocsp -index data/certs/index.txt -port "$ocsp_port" -rsigner data/certs/ocsp.pem -rkey data/certs/ocsp-key.pem \
  -CA data/certs/ca.pem -nmin 60 -ignore_err >logs/demo-ocsp.log 2>&1 &
service_pids+=($!)
python3 -u -m http.server "$crl_port" --bind 127.0.0.1 --directory data/certs/crl >logs/demo-crl.log 2>&1 &
service_pids+=($!)
if [ -z "${Worker__Timestamp__Url:-}" ]; then
  python3 -u scripts/demo-tsa.py --port "$tsa_port" --certs data/certs >logs/demo-tsa.log 2>&1 &
  service_pids+=($!)
  export Worker__Timestamp__Url="http://127.0.0.1:$tsa_port/"
fi
# Ready once each says so (a bare probe connection would hang openssl's single-threaded responder).
wait_for_line() {
  for _ in $(seq 1 100); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.2; done
  echo "run.sh: a demo service did not start; see $1" >&2; exit 1
}
wait_for_line logs/demo-ocsp.log "waiting for OCSP client connections"
wait_for_line logs/demo-crl.log "Serving HTTP"
[ "${#service_pids[@]}" -lt 3 ] || wait_for_line logs/demo-tsa.log "listening on"

if [ "$bsre_demo" = 1 ]; then
  # The test BSrE service signs with poppler's pdfsig from an NSS database it builds with certutil, pk12util and openssl.
  ensure_packages pdfsig:poppler-utils certutil:libnss3-tools pk12util:libnss3-tools openssl:openssl
  echo "Building the test BSrE service..."
  dotnet build Worker.Tests/Worker.Tests.csproj -c Release -nologo -v quiet -o artifacts/bsre-demo >/dev/null
  rm -f data/bsre-demo/appsettings.bsre.json
  dotnet artifacts/bsre-demo/Worker.Tests.dll bsre-demo data/bsre-demo &
  bsre_pid=$!
  # Stopped with the demo services when the worker ends.
  service_pids+=("$bsre_pid")
  for _ in $(seq 1 120); do [ -s data/bsre-demo/appsettings.bsre.json ] && break; kill -0 "$bsre_pid" || exit 1; sleep 1; done
  [ -s data/bsre-demo/appsettings.bsre.json ] || { echo "the test BSrE service did not start" >&2; exit 1; }
  set -- --config data/bsre-demo/appsettings.bsre.json "$@"
fi

url=${Worker__Urls:-$(grep -o '"Urls": *"[^"]*"' config/appsettings.json | head -n 1 | sed 's/.*"\(http[^"]*\)"/\1/')}
cat <<MSG

  Drop a PDF into:   $(pwd)/data/routes/surat-keluar/inbox/
  Dashboard:         ${url}/hangfire   (from this machine)
  Readiness:         ${url}/health/ready
  Emails go to:      $(pwd)/data/outbox/  (.eml files; set Worker:Mail:Smtp:Host to send real mail)
  Logs:              $(pwd)/logs/
  Demo OCSP / CRL / TSA: http://127.0.0.1:$ocsp_port/  http://127.0.0.1:$crl_port/ca.crl  ${Worker__Timestamp__Url}
  Stop with Ctrl-C.

MSG
if [ "$bsre_demo" = 1 ]; then
  echo "  BSrE demo: the approval page asks for the passphrase in $(pwd)/data/bsre-demo/passphrase.txt"
  echo
fi
# Not exec: the trap stops the demo services when the worker ends.
"${worker[@]}" run "$@"
