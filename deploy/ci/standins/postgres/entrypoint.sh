#!/bin/sh
# The first start initialises the cluster the way the official image does; later starts only run the server.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  password=${POSTGRES_PASSWORD:-}
  if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then password=$(cat "$POSTGRES_PASSWORD_FILE"); fi
  [ -n "$password" ] || { echo "postgres stand-in: set POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE" >&2; exit 1; }
  user=${POSTGRES_USER:-postgres}
  pwfile=$(mktemp)
  printf '%s\n' "$password" >"$pwfile"
  initdb --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  pg_ctl -w -o "-c listen_addresses=''" start >/dev/null
  db=${POSTGRES_DB:-$user}
  [ "$db" = postgres ] || psql -q -U "$user" -d postgres -c "CREATE DATABASE \"$db\""
  # As the official image does: the init scripts run once, against the new database (compose makes its roles so).
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sql) echo "postgres stand-in: running $f"; psql -q -v ON_ERROR_STOP=1 -U "$user" -d "$db" -f "$f" ;;
      *.sh) echo "postgres stand-in: running $f"; . "$f" ;;
    esac
  done
  pg_ctl -w -m fast stop >/dev/null
  echo "postgres stand-in: initialised database $db for $user"
fi
[ "$1" = postgres ] && exec postgres -c listen_addresses='*'
exec "$@"
