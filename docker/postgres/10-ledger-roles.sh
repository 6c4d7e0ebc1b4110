#!/usr/bin/env bash
# First start of the compose PostgreSQL: one role per side (see ledger-roles.sql for who may do what).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v command_password="$LEDGER_COMMAND_DB_PASSWORD" -v query_password="$LEDGER_QUERY_DB_PASSWORD" \
     -f /docker-entrypoint-initdb.d/ledger-roles.sql.in
# A projection's rebuild fills copies of its tables in a schema of its own (rebuild_<group>), which the query side's
# role creates and drops: that takes CREATE on the database, whose name only this script knows.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -c "GRANT CREATE ON DATABASE \"$POSTGRES_DB\" TO ledger_query"
