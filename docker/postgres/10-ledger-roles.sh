#!/usr/bin/env bash
# First start of the compose PostgreSQL: one role per side.
# - ledger_command creates and owns the event store (it runs the db/store and db/command migrations).
# - ledger_query creates and owns its projection and token tables, and may only SELECT what ledger_command
#   creates: it can read the ledger, never write to it. (The append-only trigger refuses changes anyway.)
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v command_password="$LEDGER_COMMAND_DB_PASSWORD" -v query_password="$LEDGER_QUERY_DB_PASSWORD" <<'SQL'
CREATE ROLE ledger_command LOGIN PASSWORD :'command_password';
CREATE ROLE ledger_query LOGIN PASSWORD :'query_password';
GRANT USAGE, CREATE ON SCHEMA public TO ledger_command, ledger_query;
ALTER DEFAULT PRIVILEGES FOR ROLE ledger_command IN SCHEMA public GRANT SELECT ON TABLES TO ledger_query;
SQL
