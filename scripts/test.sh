#!/usr/bin/env bash
# Installs and starts what the tests need, then runs every test of the solution.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

require_dotnet
# The tests call these real programs; a missing one must fail the run, so install them here.
ensure_packages pdfsig:poppler-utils pdftoppm:poppler-utils qpdf:qpdf openssl:openssl certutil:libnss3-tools pk12util:libnss3-tools \
  zbarimg:zbar-tools /usr/bin/chromium:chromium
# GNU time measures the peak memory of the worker under hostile PDFs (Worker.Tests/Pdf/Hostile).
ensure_packages /usr/bin/time:time
ensure_postgres

# The test role can only create and drop its own databases. Its random password is kept outside the checkout, so
# several checkouts (or a run beside a developer's) on one machine keep using the same one.
state="${XDG_STATE_HOME:-$HOME/.local/state}/tte-signing-worker"
mkdir -p "$state" && chmod 700 "$state"
[ -s "$state/test-db.pass" ] || { random_secret > "$state/test-db.pass"; chmod 600 "$state/test-db.pass"; }
password=$(cat "$state/test-db.pass")
ensure_role worker_test "$password" "CREATEDB"
export WORKER_TEST_DB="Host=127.0.0.1;Port=5432;Username=worker_test;Password=$password;Database=postgres"

mkdir -p artifacts
dotnet test Worker.sln -c Release --logger "console;verbosity=normal" --results-directory artifacts/test-results "$@"
