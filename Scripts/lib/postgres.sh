# A throw-away PostgreSQL server on loopback for the tests: installed with apt-get when missing,
# its cluster in a temporary folder, stopped and deleted when the calling script exits.
# Sourced after setup.sh. Sets NEWSWIRE_TEST_POSTGRES (a URL the store tests create databases from).

newswire_start_postgres() {
  newswire_install_system_packages postgresql
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -x "$bin/initdb" ] || { echo "PostgreSQL's initdb was not found under /usr/lib/postgresql" >&2; exit 1; }
  local dir port as=()
  dir="$(mktemp -d /tmp/newswire-postgres.XXXXXX)"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  # The server refuses to run as root: run it as the postgres user the package created.
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    as=(runuser -u postgres --)
  fi
  NEWSWIRE_POSTGRES_DIR="$dir" NEWSWIRE_POSTGRES_BIN="$bin" NEWSWIRE_POSTGRES_AS="${as[*]:-}"
  trap newswire_stop_postgres EXIT
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U newswire --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; echo "cannot create a PostgreSQL cluster in $dir" >&2; exit 1; }
  # No fsync: the cluster is deleted afterwards, and the tests should not wait on the disk.
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=400" start >/dev/null \
    || { cat "$dir/server.log" >&2; echo "cannot start PostgreSQL on 127.0.0.1:$port" >&2; exit 1; }
  export NEWSWIRE_TEST_POSTGRES="postgres://newswire@127.0.0.1:$port/postgres"
  export NEWSWIRE_REQUIRE_POSTGRES=1
  echo "==> PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (cluster in $dir)"
}

newswire_stop_postgres() {
  [ -n "${NEWSWIRE_POSTGRES_DIR:-}" ] || return 0
  # shellcheck disable=SC2086
  $NEWSWIRE_POSTGRES_AS "$NEWSWIRE_POSTGRES_BIN/pg_ctl" -D "$NEWSWIRE_POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$NEWSWIRE_POSTGRES_DIR"
  NEWSWIRE_POSTGRES_DIR=""
}
