# Shared by run.sh, test.sh and the benchmarks: installs what is missing and starts a local PostgreSQL.
# Sourced, not run.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

apt_updated=""
# ensure_packages CMD:PACKAGE ...: installs PACKAGE when CMD is not on PATH (or, for a path, does not exist).
ensure_packages() {
  local missing=()
  for pair in "$@"; do
    local cmd=${pair%%:*} pkg=${pair#*:}
    if [[ $cmd == /* ]]; then [ -e "$cmd" ] || missing+=("$pkg"); else command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg"); fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is needed (dotnet on PATH)." >&2; exit 1; }
}

# Makes sure a PostgreSQL cluster is installed and running on 127.0.0.1:5432.
ensure_postgres() {
  ensure_packages pg_lsclusters:postgresql
  if ! pg_lsclusters -h | grep -q .; then
    local version; version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    as_root pg_createcluster "$version" main >/dev/null
  fi
  local version cluster status
  read -r version cluster _ status _ < <(pg_lsclusters -h | head -n 1)
  if [ "$status" != "online" ]; then
    as_root pg_ctlcluster "$version" "$cluster" start
  fi
  for _ in $(seq 1 30); do
    pg_isready -h 127.0.0.1 -p 5432 -q && return 0
    sleep 1
  done
  echo "PostgreSQL did not come up on 127.0.0.1:5432" >&2
  exit 1
}

# ensure_role NAME PASSWORD [EXTRA]: creates or updates a login role.
ensure_role() {
  local name=$1 password=$2 extra=${3:-}
  as_postgres psql -q -v ON_ERROR_STOP=1 -d postgres \
    -v name="$name" -v password="$password" <<SQL >/dev/null
SELECT format('CREATE ROLE %I LOGIN', :'name') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L $extra', :'name', :'password') \gexec
SQL
}

# ensure_database NAME OWNER
ensure_database() {
  local name=$1 owner=$2
  as_postgres psql -q -v ON_ERROR_STOP=1 -d postgres -v name="$name" -v owner="$owner" <<'SQL' >/dev/null
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'owner') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'name') \gexec
SQL
}

# drop_test_databases PREFIX: drops every database whose name starts with PREFIX, as the superuser; says plainly which
# one could not be dropped and why, and returns non-zero then (the caller decides whether that matters).
drop_test_databases() {
  local prefix=$1 names name failed=0 error
  if ! names=$(as_postgres psql -X -At -v ON_ERROR_STOP=1 -d postgres -v prefix="$prefix" 2>&1 <<'SQL'
SELECT datname FROM pg_database WHERE starts_with(datname, :'prefix') ORDER BY datname;
SQL
  ); then
    echo "cleanup failed: could not list test databases ${prefix}*: ${names//$'\n'/ }" >&2
    return 1
  fi
  for name in $names; do
    if error=$(as_postgres psql -X -q -v ON_ERROR_STOP=1 -d postgres -v name="$name" 2>&1 <<'SQL'
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'name') \gexec
SQL
    ); then
      echo "cleanup: dropped leftover test database $name"
    else
      echo "cleanup failed: could not drop test database $name: ${error//$'\n'/ }" >&2
      failed=1
    fi
  done
  return "$failed"
}

# hand_schema_to DATABASE SCHEMA OWNER: the database, the schema and everything in it belong to OWNER (for an install made
# before migrations ran as a separate owner role); other schemas (Hangfire's, Quartz's tables) keep their owner.
hand_schema_to() {
  as_postgres psql -q -v ON_ERROR_STOP=1 -d "$1" -v schema="$2" -v owner="$3" <<'SQL' >/dev/null
SELECT format('ALTER DATABASE %I OWNER TO %I', current_database(), :'owner') \gexec
SELECT format('ALTER SCHEMA %I OWNER TO %I', nspname, :'owner') FROM pg_namespace WHERE nspname = :'schema' \gexec
SELECT format('ALTER TABLE %I.%I OWNER TO %I', schemaname, tablename, :'owner')
  FROM pg_tables WHERE schemaname = :'schema' AND tableowner <> :'owner' \gexec
SELECT format('ALTER FUNCTION %I.%I(%s) OWNER TO %I', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), :'owner')
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = :'schema' \gexec
SQL
}

random_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' ; }

# ensure_max_connections N: the cluster accepts at least N connections (the test suite runs many worker hosts at once,
# each with its own pools); raises the setting and restarts the cluster once when it is lower.
ensure_max_connections() {
  local wanted=$1 current version cluster
  current=$(as_postgres psql -X -At -d postgres -c "SHOW max_connections")
  [ "$current" -ge "$wanted" ] && return 0
  as_postgres psql -X -q -d postgres -c "ALTER SYSTEM SET max_connections = $wanted" >/dev/null
  read -r version cluster _ < <(pg_lsclusters -h | head -n 1)
  as_root pg_ctlcluster "$version" "$cluster" restart
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && return 0; sleep 1; done
  echo "PostgreSQL did not come back on 127.0.0.1:5432 after raising max_connections" >&2
  exit 1
}
