#!/usr/bin/env bash
# First start of the compose PostgreSQL: one role per side (see ledger-roles.sql for who may do what).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v command_password="$LEDGER_COMMAND_DB_PASSWORD" -v query_password="$LEDGER_QUERY_DB_PASSWORD" \
     -f /docker-entrypoint-initdb.d/ledger-roles.sql.in
