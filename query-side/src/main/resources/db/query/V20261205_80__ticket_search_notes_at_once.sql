-- A ticket's search row written once per processor batch, however many of its notes the batch holds (a rebuild's
-- batches hold whole lifecycles): the notes are added to the documents here, in the order they were handled, as
-- the UPDATE per note did before, with the same rule: a note at or below the row's version was already added.
CREATE FUNCTION ticket_search_notes(INOUT version BIGINT, INOUT public_document tsvector, INOUT desk_document tsvector,
        sequences BIGINT[], texts TEXT[], publics BOOLEAN[])
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    AS $$
DECLARE
    note tsvector;
BEGIN
    FOR i IN 1 .. coalesce(array_length(sequences, 1), 0) LOOP
        IF sequences[i] > version THEN
            note := ticket_search_document(texts[i], 'C');
            IF publics[i] THEN
                public_document := ticket_search_append(public_document, note);
            END IF;
            desk_document := ticket_search_append(desk_document, note);
            version := sequences[i];
        END IF;
    END LOOP;
END
$$;
