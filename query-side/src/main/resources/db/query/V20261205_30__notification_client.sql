-- What the notifications projection keeps of each client organisation (fed by the client events in its own
-- processing group, never read from client_view): the language its tickets' messages are written in, and who of it
-- and of the desk is told what. A rebuild empties it with notification_ticket and refills it from the ledger.
-- Only the contacts the notifications use are kept: the focal point (personal data) is not.
CREATE TABLE notification_client (
    client_id          VARCHAR(100) PRIMARY KEY,
    language           VARCHAR(8)   NOT NULL,
    -- user names of the organisation who may accept: told of a pending closure and of an automatic acceptance
    representatives    TEXT[]       NOT NULL DEFAULT '{}',
    -- told of an escalation to the vendor (the desk's addresses for this client, not personal data)
    area_manager_email VARCHAR(254),
    escalation_emails  TEXT[]       NOT NULL DEFAULT '{}',
    -- the sequence of the client's last event applied: a replayed event at or below it changes nothing
    version            BIGINT       NOT NULL
);
