package com.ticketledger.command.recording;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The committed commands that carried an Idempotency-Key, per user (table idempotency_record), for
 * {@code ledger.idempotency.retention} after the commit. An expired record is as good as absent: the key is
 * free again, and {@link #deleteExpired()} removes it in time.
 */
@Component
class IdempotencyRecords {

    /** Several command-side instances may clean up at once; one of them does the work (an advisory lock). */
    private static final long CLEANUP_LOCK = 0x1D3A_9C0DEL;

    record Entry(byte[] requestHash, Committed committed, boolean created) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdempotencyProperties properties;

    IdempotencyRecords(JdbcClient jdbc, Clock clock, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    private Timestamp expiredUpTo() {
        return Timestamp.from(clock.instant().minus(properties.retention()));
    }

    Optional<Entry> find(String user, String key) {
        return jdbc.sql("""
                        SELECT request_hash, ticket_id, ticket_number, client_id, sla_policy, version, created
                        FROM idempotency_record
                        WHERE user_name = :user AND idempotency_key = :key AND recorded_at > :expired""")
                .param("user", user)
                .param("key", key)
                .param("expired", expiredUpTo())
                .query((rs, row) -> new Entry(rs.getBytes("request_hash"),
                        new Committed(rs.getObject("ticket_id", UUID.class), rs.getString("ticket_number"),
                                rs.getString("client_id"), rs.getString("sla_policy"), rs.getLong("version")),
                        rs.getBoolean("created")))
                .optional();
    }

    /**
     * Records the key in the caller's transaction. False when the key is already recorded: a concurrent
     * request with the same key committed first (this insert waited for it), so this one must roll back. An
     * expired record of the same key is replaced.
     */
    boolean recordIfAbsent(String user, String key, byte[] requestHash, Committed committed, boolean created) {
        return jdbc.sql("""
                        INSERT INTO idempotency_record
                            (user_name, idempotency_key, request_hash, ticket_id, ticket_number, client_id, sla_policy,
                             version, created, recorded_at)
                        VALUES (:user, :key, :hash, :ticketId, :number, :clientId, :policy, :version, :created, :now)
                        ON CONFLICT (user_name, idempotency_key) DO UPDATE SET
                            request_hash = EXCLUDED.request_hash, ticket_id = EXCLUDED.ticket_id,
                            ticket_number = EXCLUDED.ticket_number, client_id = EXCLUDED.client_id,
                            sla_policy = EXCLUDED.sla_policy,
                            version = EXCLUDED.version,
                            created = EXCLUDED.created, recorded_at = EXCLUDED.recorded_at
                        WHERE idempotency_record.recorded_at <= :expired""")
                .param("user", user)
                .param("key", key)
                .param("hash", requestHash)
                .param("ticketId", committed.ticketId(), Types.OTHER)
                .param("number", committed.ticketNumber(), Types.VARCHAR)
                .param("clientId", committed.clientId(), Types.VARCHAR)
                .param("policy", committed.policy(), Types.VARCHAR)
                .param("version", committed.version())
                .param("created", created)
                .param("now", Timestamp.from(clock.instant()))
                .param("expired", expiredUpTo())
                .update() == 1;
    }

    /**
     * Deletes the records past their retention; returns how many. When another instance is cleaning up at
     * the same moment, this one leaves it the work and returns 0.
     */
    @Transactional
    public int deleteExpired() {
        boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", CLEANUP_LOCK)
                .query(Boolean.class).single();
        if (!mine) {
            return 0;
        }
        return jdbc.sql("DELETE FROM idempotency_record WHERE recorded_at <= :expired")
                .param("expired", expiredUpTo()).update();
    }
}
