-- One database role per side (run by 10-ledger-roles.sh on the compose PostgreSQL's first start; tested by
-- ledger-store's DatabaseGrantsIT). psql variables :command_password and :query_password carry the secrets.
-- - ledger_command creates and owns the event store (db/store and db/command migrations) and appends events.
-- - ledger_query creates and owns its projection and token tables, and may only SELECT what ledger_command
--   creates: it reads the ledger and can never write to it. It may also create schemas (10-ledger-roles.sh grants
--   CREATE on the database): a projection's rebuild fills copies of its tables in one of its own. The one exception is the command side's deadlines
--   (scheduled_tasks, db/command), whose migration takes the query side's default SELECT back.
-- - Both write the web pages' sessions: the schema web_session is ledger_command's (it migrates db/session),
--   and ledger_query may read, write and delete the rows of its tables, nothing more.
CREATE ROLE ledger_command LOGIN PASSWORD :'command_password';
CREATE ROLE ledger_query LOGIN PASSWORD :'query_password';
GRANT USAGE, CREATE ON SCHEMA public TO ledger_command, ledger_query;
ALTER DEFAULT PRIVILEGES FOR ROLE ledger_command IN SCHEMA public GRANT SELECT ON TABLES TO ledger_query;
CREATE SCHEMA web_session AUTHORIZATION ledger_command;
GRANT USAGE ON SCHEMA web_session TO ledger_query;
ALTER DEFAULT PRIVILEGES FOR ROLE ledger_command IN SCHEMA web_session
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ledger_query;
-- The query side's search ignores accents with the unaccent extension (db/query); creating an extension takes more
-- than ledger_query may do, so it is created here, and the query side's migration finds it.
CREATE EXTENSION IF NOT EXISTS unaccent;
