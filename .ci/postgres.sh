#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on a free local port and prints its JDBC URL.
#   source .ci/postgres.sh && start_postgres && ... && stop_postgres
# Installs PostgreSQL from Debian's packages when it is missing. Postgres refuses to run as root, so as root the
# cluster runs as the 'postgres' user the package creates.

start_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -z "$bin" ]; then
    echo "ci: installing PostgreSQL" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
  PG_DIR="$(mktemp -d /tmp/spock-pg.XXXXXX)"
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_DIR"
    as=(runuser -u postgres --)
  fi
  PG_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >"$PG_DIR/initdb.log" 2>&1
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m fast stop)
  export SPOCK_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres"
  echo "ci: PostgreSQL on $SPOCK_TEST_PG_URL" >&2
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ]; then
    "${PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
