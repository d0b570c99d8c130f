#!/usr/bin/env bash
# The project's one test command: installs what the tests need (Debian packages), starts a
# throwaway PostgreSQL cluster on loopback, then runs `dotnet test`. Extra arguments are passed
# on to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Storage".
set -euo pipefail

# Debian packages the tests need. Add packages here (e.g. libreoffice-writer-nogui).
TEST_APT_PACKAGES=(chromium postgresql redis-server nginx-light libreoffice-writer-nogui)

cd "$(dirname "${BASH_SOURCE[0]}")"

log() { printf '[test.sh] %s\n' "$*" >&2; }

# --- 1. Packages -------------------------------------------------------------------------------
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for pkg in "${TEST_APT_PACKAGES[@]}"; do
  is_installed "$pkg" || missing+=("$pkg")
done
# Node for the Discord tests: Debian's packages unless node/npm are already there (e.g. from another source).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  if ((EUID != 0)); then
    log "missing Debian packages: ${missing[*]} (run as root, or install them first)"
    exit 1
  fi
  log "installing: ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

command -v dotnet >/dev/null || { log "dotnet SDK not found on PATH"; exit 1; }

# --- 2. Throwaway PostgreSQL cluster -------------------------------------------------------------
# Independent of any system cluster/service: own data dir, own socket dir, own port.
PG_BIN=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)
[[ -n $PG_BIN && -x $PG_BIN/initdb ]] || { log "PostgreSQL server binaries not found under /usr/lib/postgresql"; exit 1; }

# Under /tmp (not $TMPDIR) so that every parent directory is traversable by the postgres user.
PG_TMP=$(mktemp -d /tmp/gcmbot-pg.XXXXXX)
PG_DATA=$PG_TMP/data
PG_LOG=$PG_TMP/postgres.log
PG_PORT=

# Run a PostgreSQL binary as the server's OS user: `postgres` when we are root, else ourselves.
as_pg() {
  if ((EUID == 0)); then
    (cd "$PG_TMP" && runuser -u postgres -- "$@")
  else
    (cd "$PG_TMP" && "$@")
  fi
}

# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
  local rc=$?
  set +e
  if [[ -f $PG_DATA/postmaster.pid ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null 2>&1
  fi
  rm -rf -- "$PG_TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

((EUID == 0)) && chown postgres:postgres "$PG_TMP"

as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Probe from 55432 upward; a port can be taken between probe and bind, so retry on that too.
for ((port = 55432; port < 55532; port++)); do
  port_in_use "$port" && continue
  rm -f -- "$PG_LOG"
  if out=$(as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start \
    -o "-k $PG_TMP -c listen_addresses=127.0.0.1 -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off" 2>&1); then
    PG_PORT=$port
    break
  fi
  if ! grep -qs 'Address already in use' "$PG_LOG"; then
    log "PostgreSQL failed to start on port $port: $out"
    cat "$PG_LOG" >&2 2>/dev/null || true
    exit 1
  fi
done
[[ -n $PG_PORT ]] || { log "no free port for PostgreSQL in 55432-55531"; exit 1; }

"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
  -c "CREATE ROLE gcmbot LOGIN SUPERUSER CREATEDB PASSWORD 'gcmbot'" \
  -c "CREATE DATABASE gcmbot OWNER gcmbot"

export GCMBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=gcmbot;Password=gcmbot;Database=gcmbot"
log "$("$PG_BIN/postgres" -V) on 127.0.0.1:$PG_PORT, data in $PG_DATA"

# --- 3. Browser for Playwright -----------------------------------------------------------------
export PLAYWRIGHT_CHROMIUM_PATH=/usr/bin/chromium
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- 3b. Node packages: discord.js and tweetnacl (Discord tests), the Agents Playground (Teams tests) ---
(cd tests/GcmBot.Discord.Tests/js && npm ci --no-audit --no-fund --loglevel=error)
(cd tests/GcmBot.Teams.Tests/js && npm ci --no-audit --no-fund --loglevel=error)

# --- 4. Tests ----------------------------------------------------------------------------------
# Not exec: the EXIT trap must still stop the cluster. Exit with dotnet test's exit code.
solution=GcmBot.sln
[[ ! -e $solution && -e GcmBot.slnx ]] && solution=GcmBot.slnx
# The output is long and CI keeps its end: on a failure, name what failed again at the end.
set +e
dotnet test "$solution" -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$PG_TMP/dotnet-test.log"
rc=${PIPESTATUS[0]}
set -e
if ((rc != 0)); then
  log "dotnet test exited with $rc; what failed:"
  grep -E ': error [A-Z]+[0-9]+|^\s+Failed [A-Za-z_][A-Za-z0-9_.]+' "$PG_TMP/dotnet-test.log" | sort -u | head -50 >&2 || true
  grep -A 8 -E '^\s+Failed [A-Za-z_][A-Za-z0-9_.]+' "$PG_TMP/dotnet-test.log" | grep -vE '^\s*(at |Passed )' | head -120 >&2 || true
fi
exit "$rc"
