-- Full-text search over tickets (docs/api.md, GET /api/tickets?q=): one row per ticket, kept by the status
-- projection's processing group ("ticket-status") in the same transaction as its token, so a search finds a ticket
-- exactly when its status view exists, and a rebuild of that projection refills this table too.

-- Accents are ignored: "conexion" finds "conexión". unaccent ships with PostgreSQL's contrib (and with the embedded
-- PostgreSQL 17); it is a trusted extension. Where the query side's database role may not create extensions, a
-- superuser creates it first (docker/postgres/ledger-roles.sql) and this line does nothing.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE: it looks its dictionary up through search_path, so another search_path could give
-- another result. Named explicitly (the dictionary and the function, in the schema the extension was created in),
-- the result depends on the text alone, which lets us declare the wrapper IMMUTABLE: the documents below are
-- computed with it when written and compared with queries computed with it when read, so both must agree always.
DO $do$
DECLARE
    extension_schema TEXT := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                              WHERE e.extname = 'unaccent');
BEGIN
    EXECUTE format($f$
        CREATE FUNCTION ledger_unaccent(words TEXT) RETURNS TEXT
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $body$ SELECT %1$I.unaccent(%2$L::regdictionary, words) $body$$f$,
        extension_schema, extension_schema || '.unaccent');
END
$do$;

-- A ticket's text as searched: Spanish and English stems of the same words (the desk writes both), accents removed,
-- weighted (A: title, B: description, C: notes) so that ts_rank_cd ranks a match in the title first.
CREATE FUNCTION ticket_search_document(body TEXT, weight "char") RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT setweight(to_tsvector('pg_catalog.spanish', ledger_unaccent(coalesce(body, '')))
                           || to_tsvector('pg_catalog.english', ledger_unaccent(coalesce(body, ''))), weight) $$;

-- What a person typed, as a query: web-search syntax ("quoted phrase", or, -word), never a syntax error whatever
-- it holds; a ticket matches when the Spanish or the English reading of the words matches (one reading when both
-- are the same, so that ranking does not weigh the same words twice).
CREATE FUNCTION ticket_search_query(words TEXT) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN spanish = english THEN spanish ELSE spanish || english END
          FROM (SELECT websearch_to_tsquery('pg_catalog.spanish', ledger_unaccent(words)) AS spanish,
                       websearch_to_tsquery('pg_catalog.english', ledger_unaccent(words)) AS english) readings $$;

-- A note added to a document. PostgreSQL refuses a tsvector of more than 1 MB of lexemes; rather than fail the
-- projection on a ticket with that much text, its document stops growing short of it (the text form is longer than
-- the stored lexemes, so the check is on the safe side): later notes of such a ticket are not searchable.
CREATE FUNCTION ticket_search_append(document tsvector, more tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN octet_length(document::text) + octet_length(more::text) < 1000000
                      THEN document || more ELSE document END $$;

CREATE TABLE ticket_search (
    ticket_id        UUID         PRIMARY KEY,
    -- the ticket's organisation: a client's search is filtered by the row itself
    client_id        VARCHAR(100) NOT NULL,
    -- the opening's global position: unique, the tie-break of equal ranks and the second key of the cursor
    opened_position  BIGINT       NOT NULL,
    -- the sequence number of the last event whose text is in the documents: a replayed note is not added twice
    version          BIGINT       NOT NULL,
    -- title, description and PUBLIC notes: what a client's search covers
    public_document  tsvector     NOT NULL,
    -- the same and INTERNAL notes: what the desk's search covers
    desk_document    tsvector     NOT NULL
);

CREATE INDEX ticket_search_public ON ticket_search USING gin (public_document);
CREATE INDEX ticket_search_desk ON ticket_search USING gin (desk_document);

-- GET /api/tickets/by-number/{number}.
CREATE INDEX ticket_status_number ON ticket_status (number);

-- Tickets opened before this table existed: the status projection reads the ledger again from the first event
-- (its handlers are idempotent: the status rows stay as they are, and the search rows are filled).
DELETE FROM token_entry WHERE processor_name = 'ticket-status';
