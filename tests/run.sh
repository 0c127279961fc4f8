#!/usr/bin/env bash
# The README's test command. Installs what the tests need when it is missing (Debian's chromium and postgresql),
# builds the solution, starts a throwaway PostgreSQL cluster, runs the unit + integration tests (SQLite and
# PostgreSQL) and the end-to-end tests (real server, Chromium, axe), stops PostgreSQL, and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CONFIGURATION=${CONFIGURATION:-Release}

log() { printf '\n== %s\n' "$*"; }

# ---- 1. System packages -------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---- 2. Build ----------------------------------------------------------------------------------
log "Building ($CONFIGURATION)"
dotnet build SPCNCL.Site.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly

# ---- 3. Throwaway PostgreSQL: own data directory, own superuser, a free loopback port -------------
free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

PG_BIN=$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/initdb" | sort -V | tail -n 1)")
PG_DIR=$(mktemp -d /tmp/spcncl-pg.XXXXXX)
PG_PORT=$(free_port)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root: the Debian package's postgres account runs this throwaway cluster.
  chown postgres:postgres "$PG_DIR"
  as_pg=(runuser -u postgres --)
fi

stop_postgres() {
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_postgres EXIT

log "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
"${as_pg[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U spcncl --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
export SPCNCL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=spcncl;Database=postgres"

# ---- 4. Tests ----------------------------------------------------------------------------------
status=0
log "Unit and integration tests (SQLite and PostgreSQL)"
dotnet test tests/unit/SPCNCL.Tests.Unit.csproj -c "$CONFIGURATION" --no-build -nologo || status=1
relevance="tests/unit/bin/$CONFIGURATION/net10.0/search-relevance.md"
if [ -f "$relevance" ]; then
  log "Search relevance fixture (precision@5)"
  cat "$relevance"
fi

log "End-to-end tests (Kestrel + Chromium + axe)"
export SPCNCL_SITE_DLL="$ROOT/src/Site/bin/$CONFIGURATION/net10.0/SPCNCL.Site.dll"
dotnet test tests/e2e/SPCNCL.Tests.E2E.csproj -c "$CONFIGURATION" --no-build -nologo || status=1

if [ "$status" -ne 0 ]; then
  log "FAILED"
else
  log "All tests passed"
fi
exit "$status"
