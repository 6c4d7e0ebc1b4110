package com.ticketledger.store.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ticketledger.events.PersonalDataErased;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

/**
 * Whether a subject was erased: its own stream in the ledger holds a {@link PersonalDataErased}. Cached like the
 * keys (an erasure is never undone, so only "not erased" answers expire).
 */
public class ErasedSubjects {

    private final JdbcClient jdbc;
    private final Cache<String, Boolean> notErased;

    public ErasedSubjects(JdbcClient jdbc, Duration ttl) {
        this.jdbc = jdbc;
        this.notErased = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    public boolean isErased(String subjectRef) {
        if (notErased.getIfPresent(subjectRef) != null) {
            return false;
        }
        boolean erased = jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = :ref AND payload_type = :type""")
                .param("ref", subjectRef).param("type", PersonalDataErased.class.getName())
                .query(Long.class).single() > 0;
        if (!erased) {
            notErased.put(subjectRef, Boolean.TRUE);
        }
        return erased;
    }

    /** Forgets a cached "not erased" (an erasure seen in the ledger). */
    public void forget(String subjectRef) {
        notErased.invalidate(subjectRef);
    }
}
