-- The web pages' log-in sessions (Spring Session JDBC), shared by both sides: a page logs in on the query side
-- and sends its commands to the command side with the same session cookie, and a log-out deletes the row for
-- both. The command side migrates them (it starts first); the query side's tests migrate them for themselves.
-- They live in a schema of their own so that a database with a role per side can let both roles write these
-- rows and nothing else of the other's: docker/postgres/ledger-roles.sql creates the schema with its grants
-- beforehand; anywhere else (the embedded default, the tests) it is created here.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'web_session') THEN
        CREATE SCHEMA web_session;
    END IF;
END
$$;

-- Spring Session's own PostgreSQL schema (schema-postgresql.sql of spring-session-jdbc 3.5), in web_session.
CREATE TABLE web_session.spring_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX spring_session_ix1 ON web_session.spring_session (session_id);
CREATE INDEX spring_session_ix2 ON web_session.spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON web_session.spring_session (principal_name);

CREATE TABLE web_session.spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES web_session.spring_session (primary_id) ON DELETE CASCADE
);
