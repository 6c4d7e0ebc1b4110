package com.ticketledger.command.recording;

import com.ticketledger.command.ticket.TicketVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** The committed commands that carried an Idempotency-Key, per user (table idempotency_record). */
@Component
class IdempotencyRecords {

    record Entry(byte[] requestHash, TicketVersion ticket, boolean created) {
    }

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(String user, String key) {
        return jdbc.sql("""
                        SELECT request_hash, ticket_id, ticket_number, version, created
                        FROM idempotency_record WHERE user_name = :user AND idempotency_key = :key""")
                .param("user", user)
                .param("key", key)
                .query((rs, row) -> new Entry(rs.getBytes("request_hash"),
                        new TicketVersion(rs.getObject("ticket_id", UUID.class), rs.getString("ticket_number"),
                                rs.getLong("version")),
                        rs.getBoolean("created")))
                .optional();
    }

    /**
     * Records the key in the caller's transaction. False when the key is already recorded: a concurrent
     * request with the same key committed first (this insert waited for it), so this one must roll back.
     */
    boolean recordIfAbsent(String user, String key, byte[] requestHash, TicketVersion ticket, boolean created) {
        return jdbc.sql("""
                        INSERT INTO idempotency_record
                            (user_name, idempotency_key, request_hash, ticket_id, ticket_number, version, created)
                        VALUES (:user, :key, :hash, :ticketId, :number, :version, :created)
                        ON CONFLICT (user_name, idempotency_key) DO NOTHING""")
                .param("user", user)
                .param("key", key)
                .param("hash", requestHash)
                .param("ticketId", ticket.ticketId())
                .param("number", ticket.number())
                .param("version", ticket.version())
                .param("created", created)
                .update() == 1;
    }
}
