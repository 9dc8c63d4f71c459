#!/bin/sh
# Initialises the cluster on first start (the user and database from POSTGRES_USER/POSTGRES_DB),
# then runs PostgreSQL in the foreground on 127.0.0.1:$PGPORT.
set -e
bin=/usr/lib/postgresql/15/bin
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  "$bin/initdb" -D "$PGDATA" -U "$POSTGRES_USER" --auth=trust >/dev/null
  if [ "$POSTGRES_DB" != postgres ]; then
    echo "CREATE DATABASE \"$POSTGRES_DB\";" | "$bin/postgres" --single -D "$PGDATA" postgres >/dev/null
  fi
fi
exec "$bin/postgres" -D "$PGDATA" -p "$PGPORT" -c listen_addresses=127.0.0.1 -k /tmp
