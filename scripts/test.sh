#!/usr/bin/env bash
# Installs and starts what the tests need, then runs every test of the solution.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

require_dotnet
# The tests call these real programs; a missing one must fail the run, so install them here.
ensure_packages pdfsig:poppler-utils pdftoppm:poppler-utils qpdf:qpdf openssl:openssl certutil:libnss3-tools \
  zbarimg:zbar-tools /usr/bin/chromium:chromium
ensure_postgres

# A throw-away password per run: the test role can only create and drop its own databases.
password=$(random_secret)
ensure_role worker_test "$password" "CREATEDB"
export WORKER_TEST_DB="Host=127.0.0.1;Port=5432;Username=worker_test;Password=$password;Database=postgres"

mkdir -p artifacts
dotnet test Worker.sln -c Release --logger "console;verbosity=normal" --results-directory artifacts/test-results "$@"
