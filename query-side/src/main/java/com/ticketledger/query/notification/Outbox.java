package com.ticketledger.query.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.events.PersonalData;
import com.ticketledger.query.processing.BatchedInserts;
import com.ticketledger.store.privacy.Subjects;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.ticketledger.query.processing.ColumnArrays.column;
import static com.ticketledger.query.processing.ColumnArrays.instants;

/**
 * The SQL of the outbox ({@code notification}): what the projection and the scan decide goes in once (its
 * natural key), what the sender claims, and the reads.
 */
@Component
class Outbox {

    private static final TypeReference<Map<String, Object>> FACTS = new TypeReference<>() {
    };

    /** A row the sender claimed, with what it needs to render and deliver it. */
    record Claimed(UUID id, UUID ticketId, NotificationKind kind, NotificationChannel channel, String recipient,
            String language, Map<String, Object> facts, int attempts, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final NotificationProperties properties;
    private final Subjects subjects;
    private final BatchedInserts<Entry> inserts;

    Outbox(JdbcClient jdbc, ObjectMapper json, NotificationProperties properties, Subjects subjects) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.subjects = subjects;
        this.inserts = new BatchedInserts<>("notification", this::write);
    }

    /**
     * Records a decision: an e-mail to each of its recipients whose personal data was not erased (an address kept
     * from before an erasure, or one configured for a person since erased, is never written to), and a call to
     * each webhook that wants its kind. A
     * row whose natural key is there already stays as it is (a replay, or a scan meeting the same deadline).
     * Runs in the caller's transaction: the projection's batch (written with the batch's other decisions just
     * before it commits), or the scan's (written at once).
     */
    void record(Decision decision) {
        for (String email : decision.emails()) {
            if (email != null && !email.isBlank() && !PersonalData.ERASED.equals(email)
                    && !subjects.isEmailErased(email.trim())) {
                insert(decision, NotificationChannel.EMAIL, email.trim());
            }
        }
        for (NotificationProperties.Webhook webhook : properties.webhooks()) {
            if (webhook.wants(decision.kind())) {
                insert(decision, NotificationChannel.WEBHOOK, webhook.url().toString());
            }
        }
    }

    /** Whether a notification of the ticket, kind and trigger was decided already (to anyone, by any channel). */
    boolean decided(UUID ticketId, NotificationKind kind, String trigger) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM notification
                                       WHERE ticket_id = :ticketId AND kind = :kind AND trigger = :trigger)""")
                .param("ticketId", ticketId).param("kind", kind.name()).param("trigger", trigger)
                .query(Boolean.class).single();
    }

    /** The e-mail addresses the outbox holds (an erasure looks for its subject's among them). */
    List<String> addresses() {
        return jdbc.sql("SELECT DISTINCT recipient FROM notification WHERE channel = 'EMAIL' AND recipient <> :erased")
                .param("erased", PersonalData.ERASED).query(String.class).list();
    }

    /**
     * The address's personal data was erased: it reads {@value PersonalData#ERASED} in every row, and what was
     * still to be sent to it fails with the reason, never to be tried again.
     */
    void erase(String address) {
        jdbc.sql("""
                        UPDATE notification SET recipient = :erased,
                            last_error = CASE WHEN status = 'PENDING' THEN :reason ELSE last_error END,
                            status = CASE WHEN status = 'PENDING' THEN 'FAILED' ELSE status END
                        WHERE channel = 'EMAIL' AND recipient = :address""")
                .param("erased", PersonalData.ERASED).param("address", address)
                .param("reason", "the recipient's personal data was erased").update();
    }

    private void insert(Decision decision, NotificationChannel channel, String recipient) {
        inserts.add(new Entry(decision, channel, recipient));
    }

    /** Writes the decisions of the batch so far now (an erasure is about to change the rows behind its back). */
    void flush() {
        inserts.flush();
    }

    /** One notification row to add. */
    private record Entry(Decision decision, NotificationChannel channel, String recipient) {
    }

    /** One statement for all of {@code entries}; a row whose natural key is taken stays as it is. */
    private void write(List<Entry> entries) {
        jdbc.sql("""
                        INSERT INTO notification (id, ticket_id, kind, trigger, channel, recipient, language, facts,
                            created_at, next_attempt_at)
                        SELECT id, ticket_id, kind, trigger, channel, recipient, language, CAST(facts AS JSONB), at, at
                        FROM unnest(CAST(:ids AS UUID[]), CAST(:ticketIds AS UUID[]), CAST(:kinds AS VARCHAR[]),
                            CAST(:triggers AS VARCHAR[]), CAST(:channels AS VARCHAR[]), CAST(:recipients AS VARCHAR[]),
                            CAST(:languages AS VARCHAR[]), CAST(:facts AS TEXT[]), CAST(:ats AS TIMESTAMPTZ[]))
                            AS n (id, ticket_id, kind, trigger, channel, recipient, language, facts, at)
                        ON CONFLICT ON CONSTRAINT notification_natural_key DO NOTHING""")
                .param("ids", column(entries, entry -> UUID.randomUUID().toString()))
                .param("ticketIds", column(entries, entry -> entry.decision().ticketId().toString()))
                .param("kinds", column(entries, entry -> entry.decision().kind().name()))
                .param("triggers", column(entries, entry -> entry.decision().trigger()))
                .param("channels", column(entries, entry -> entry.channel().name()))
                .param("recipients", column(entries, Entry::recipient))
                .param("languages", column(entries, entry -> entry.channel() == NotificationChannel.EMAIL
                        ? entry.decision().locale().toLanguageTag() : "en"))
                .param("facts", column(entries, entry -> write(entry.decision().facts())))
                .param("ats", instants(entries, entry -> entry.decision().at()))
                .update();
    }

    /**
     * Claims up to {@code limit} due notifications for this instance: their next attempt moves {@code lease}
     * ahead in the same statement, so another instance (whose look skips the rows locked here) does not take them
     * while they are sent, and takes them over if this one dies before it records the outcome.
     */
    List<Claimed> claimDue(Instant now, int limit, Duration lease) {
        return jdbc.sql("""
                        UPDATE notification n SET next_attempt_at = :leaseEnd
                        WHERE n.id IN (SELECT id FROM notification
                                       WHERE status = 'PENDING' AND next_attempt_at <= :now
                                       ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING n.id, n.ticket_id, n.kind, n.channel, n.recipient, n.language, n.facts, n.attempts,
                            n.created_at""")
                .param("now", timestamp(now)).param("leaseEnd", timestamp(now.plus(lease))).param("limit", limit)
                .query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                        NotificationKind.valueOf(rs.getString("kind")),
                        NotificationChannel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                        rs.getString("language"), read(rs.getString("facts")), rs.getInt("attempts"),
                        instant(rs, "created_at")))
                .list();
    }

    /** Records {@code ids} sent at {@code at}, in one statement. */
    void sent(Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE notification SET status = 'SENT', attempts = attempts + 1, sent_at = :at
                        WHERE id = ANY(:ids)""")
                .param("ids", ids.toArray(UUID[]::new)).param("at", timestamp(at)).update();
    }

    /** A failed attempt: tried again at {@code retryAt}, or FAILED for good when that is {@code null}. */
    void failed(UUID id, String error, Instant retryAt) {
        String shortened = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.sql("""
                        UPDATE notification SET attempts = attempts + 1, last_error = :error,
                            status = CASE WHEN CAST(:retryAt AS TIMESTAMPTZ) IS NULL THEN 'FAILED' ELSE 'PENDING' END,
                            next_attempt_at = coalesce(CAST(:retryAt AS TIMESTAMPTZ), next_attempt_at)
                        WHERE id = :id""")
                .param("id", id).param("error", shortened).param("retryAt", timestamp(retryAt)).update();
    }

    /** The outbox, newest first, narrowed by whichever of ticket, status and kind are given. */
    List<Notification> find(UUID ticketId, NotificationStatus status, NotificationKind kind, int limit) {
        StringBuilder where = new StringBuilder("TRUE");
        Map<String, Object> params = new HashMap<>();
        if (ticketId != null) {
            where.append(" AND ticket_id = :ticketId");
            params.put("ticketId", ticketId);
        }
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (kind != null) {
            where.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        params.put("limit", limit);
        return jdbc.sql("SELECT * FROM notification WHERE " + where + " ORDER BY created_at DESC, id LIMIT :limit")
                .params(params).query(NOTIFICATION).list();
    }

    private static final RowMapper<Notification> NOTIFICATION = (rs, row) -> new Notification(
            rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
            NotificationKind.valueOf(rs.getString("kind")), NotificationChannel.valueOf(rs.getString("channel")),
            rs.getString("recipient"), rs.getString("language"), NotificationStatus.valueOf(rs.getString("status")),
            rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "sent_at"), rs.getString("last_error"));

    private String write(Map<String, Object> facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facts not writable as JSON", e);
        }
    }

    private Map<String, Object> read(String facts) {
        try {
            return new HashMap<>(json.readValue(facts, FACTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facts not readable: " + facts, e);
        }
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

}
