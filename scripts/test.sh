#!/usr/bin/env bash
# Installs and starts what the tests need, then runs every test of the solution.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

require_dotnet
# The tests call these real programs; a missing one must fail the run, so install them here.
ensure_packages pdfsig:poppler-utils pdftoppm:poppler-utils qpdf:qpdf openssl:openssl certutil:libnss3-tools pk12util:libnss3-tools \
  zbarimg:zbar-tools /usr/bin/chromium:chromium /usr/sbin/nginx:nginx softhsm2-util:softhsm2 mutool:mupdf-tools
# GNU time measures the peak memory of the worker under hostile PDFs (Worker.Tests/Pdf/Hostile).
ensure_packages /usr/bin/time:time
# Python prints the failed tests again at the end of a run (scripts/failed-tests.py).
ensure_packages python3:python3
# npm fetches pdf.js (below); node itself does not run it, Chromium does.
ensure_packages npm:npm
ensure_postgres
ensure_max_connections 300

# The test role can only create and drop its own databases. Its random password is kept outside the checkout, so
# several checkouts (or a run beside a developer's) on one machine keep using the same one.
state="${XDG_STATE_HOME:-$HOME/.local/state}/tte-signing-worker"
mkdir -p "$state" && chmod 700 "$state"
[ -s "$state/test-db.pass" ] || { random_secret > "$state/test-db.pass"; chmod 600 "$state/test-db.pass"; }
password=$(cat "$state/test-db.pass")
ensure_role worker_test "$password" "CREATEDB"
export WORKER_TEST_DB="Host=127.0.0.1;Port=5432;Username=worker_test;Password=$password;Database=postgres"
# A second role that owns nothing, for tests of a worker whose migrations run as the owner (the test role) and which
# itself may only read and add to the audit trail.
[ -s "$state/test-runtime-db.pass" ] || { random_secret > "$state/test-runtime-db.pass"; chmod 600 "$state/test-runtime-db.pass"; }
ensure_role worker_test_runtime "$(cat "$state/test-runtime-db.pass")"
# Membership lets the test role end the runtime role's sessions when it drops a test database (DROP DATABASE ... FORCE).
as_postgres psql -q -v ON_ERROR_STOP=1 -d postgres <<'SQL' >/dev/null
SELECT 'GRANT worker_test_runtime TO worker_test' WHERE NOT pg_has_role('worker_test', 'worker_test_runtime', 'MEMBER') \gexec
SQL
export WORKER_TEST_RUNTIME_DB="Host=127.0.0.1;Port=5432;Username=worker_test_runtime;Password=$(cat "$state/test-runtime-db.pass")"

# pdf.js (pdfjs-dist, the renderer of Firefox's viewer) draws the signed pages in Worker.Tests/Pdf/Stamp/StampPdfJsTests.
# Pinned, kept beside the passwords outside the checkout; only its browser build is used (no optional native canvas, no
# install scripts).
pdfjs_version=6.5.438
if ! grep -qs "\"version\": \"$pdfjs_version\"" "$state/pdfjs/node_modules/pdfjs-dist/package.json"; then
  echo "Installing: pdfjs-dist $pdfjs_version (npm)"
  npm install --prefix "$state/pdfjs" --no-save --omit=optional --ignore-scripts --no-audit --no-fund --loglevel=error \
    "pdfjs-dist@$pdfjs_version" >/dev/null
fi
export WORKER_TEST_PDFJS="$state/pdfjs/node_modules/pdfjs-dist"

# Test databases are named wt_RUN_...; at the end the superuser drops whatever this run left (a backend the test role may
# not end, such as autovacuum, can keep one alive), and never those of a run beside it.
WORKER_TEST_RUN=$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
export WORKER_TEST_RUN

mkdir -p artifacts
rm -f artifacts/test-results/tests.trx # never the failures of an earlier run
status=0
dotnet test Worker.sln -c Release --logger "console;verbosity=normal" --logger "trx;LogFileName=tests.trx" \
  --results-directory artifacts/test-results "$@" || status=$?
# The console log of a long run is cut from the top; repeat the failures last, where a reader of its tail sees them.
if [ "$status" -ne 0 ] && [ -f artifacts/test-results/tests.trx ]; then
  python3 scripts/failed-tests.py artifacts/test-results/tests.trx || true
fi
drop_test_databases "wt_${WORKER_TEST_RUN}_" || true
exit "$status"
