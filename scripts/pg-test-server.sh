#!/bin/sh
# Start a throwaway PostgreSQL cluster for the test suite and print its URL.
#
# Installs nothing: it needs Debian's postgresql package (initdb and pg_ctl under
# /usr/lib/postgresql/<version>/bin). The cluster runs as the postgres user on a
# local TCP port with trust authentication, so it is for tests only.
#
#   url=$(scripts/pg-test-server.sh)          # start, print postgresql://...
#   KHABAR_TEST_PG=$url pytest tests/store
#   scripts/pg-test-server.sh stop            # stop it and delete its files
#
# Environment: PGTEST_DIR (default /tmp/khabar-pg), PGTEST_PORT (default 54329).
set -eu

dir=${PGTEST_DIR:-/tmp/khabar-pg}
port=${PGTEST_PORT:-54329}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "pg-test-server: initdb not found under /usr/lib/postgresql/*/bin; apt-get install -y postgresql" >&2
    exit 1
fi

as_postgres() {
    if [ "$(id -un)" = postgres ]; then
        sh -c "$1"
    else
        su postgres -s /bin/sh -c "$1"
    fi
}

if [ "${1:-start}" = stop ]; then
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_postgres "'$bindir/pg_ctl' -D '$dir/data' -m fast -w stop" >&2
    fi
    rm -rf "$dir"
    exit 0
fi

if [ -f "$dir/data/postmaster.pid" ]; then
    # Left over from an earlier run (the cluster is throwaway): replace it.
    echo "pg-test-server: stopping the cluster left in $dir" >&2
    as_postgres "'$bindir/pg_ctl' -D '$dir/data' -m immediate -w stop" >&2 || true
fi

rm -rf "$dir"
mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$dir"
fi
as_postgres "'$bindir/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
}
as_postgres "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
    -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1\" start" >&2 || {
    cat "$dir/server.log" >&2
    exit 1
}
echo "postgresql://postgres@127.0.0.1:$port/postgres"
