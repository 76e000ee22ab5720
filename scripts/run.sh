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
ensure_packages qpdf:qpdf pdftoppm:poppler-utils

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

# A demo CA and signers; dev-certs leaves existing files alone.
"${worker[@]}" dev-certs data/certs >/dev/null
mkdir -p data/routes/surat-keluar/{inbox,declined,failed,signed} data/outbox logs

if [ "$bsre_demo" = 1 ]; then
  # The test BSrE service signs with poppler's pdfsig from an NSS database it builds with certutil, pk12util and openssl.
  ensure_packages pdfsig:poppler-utils certutil:libnss3-tools pk12util:libnss3-tools openssl:openssl
  echo "Building the test BSrE service..."
  dotnet build Worker.Tests/Worker.Tests.csproj -c Release -nologo -v quiet -o artifacts/bsre-demo >/dev/null
  rm -f data/bsre-demo/appsettings.bsre.json
  dotnet artifacts/bsre-demo/Worker.Tests.dll bsre-demo data/bsre-demo &
  bsre_pid=$!
  trap 'kill "$bsre_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do [ -s data/bsre-demo/appsettings.bsre.json ] && break; kill -0 "$bsre_pid" || exit 1; sleep 1; done
  [ -s data/bsre-demo/appsettings.bsre.json ] || { echo "the test BSrE service did not start" >&2; exit 1; }
  set -- --config data/bsre-demo/appsettings.bsre.json "$@"
fi

url=$(grep -o '"Urls": *"[^"]*"' config/appsettings.json | head -n 1 | sed 's/.*"\(http[^"]*\)"/\1/')
cat <<MSG

  Drop a PDF into:   $(pwd)/data/routes/surat-keluar/inbox/
  Dashboard:         ${url}/hangfire   (from this machine)
  Readiness:         ${url}/health/ready
  Emails go to:      $(pwd)/data/outbox/  (.eml files; set Worker:Mail:Smtp:Host to send real mail)
  Logs:              $(pwd)/logs/
  Stop with Ctrl-C.

MSG
if [ "$bsre_demo" = 1 ]; then
  echo "  BSrE demo: the approval page asks for the passphrase in $(pwd)/data/bsre-demo/passphrase.txt"
  echo
  # Not exec: the trap stops the test BSrE service when the worker ends.
  "${worker[@]}" run "$@"
else
  exec "${worker[@]}" run "$@"
fi
