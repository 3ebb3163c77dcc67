#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 cluster (Debian's `postgresql` package) on a loopback
# port, in a temporary folder, and DATABASE_URL pointing at it; the cluster is removed afterwards.
#   server/scripts/with-postgres.sh node --test …
# As root the cluster runs as the `postgres` user. Exits 3 when PostgreSQL is not installed.
set -euo pipefail
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$bin/initdb" ]; then
  echo "with-postgres: $bin/initdb not found (apt-get install -y postgresql)" >&2
  exit 3
fi
dir=$(mktemp -d /tmp/kring-pg.XXXXXX)
port=${PG_PORT:-$((20000 + RANDOM % 20000))}
as=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$dir"
  as=(runuser -u postgres --)
fi
cleanup() {
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
"${as[@]}" "$bin/initdb" -D "$dir/data" -U kring --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
export DATABASE_URL="postgres://kring@127.0.0.1:$port/postgres"
set +e
"$@"
status=$?
exit $status
