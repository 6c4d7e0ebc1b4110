package com.ticketledger.command.privacy;

import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.PersonalDataErased;
import com.ticketledger.store.privacy.ErasedSubjects;
import com.ticketledger.store.privacy.SubjectKeys;
import com.ticketledger.store.privacy.Subjects;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

/**
 * Erases a data subject: deletes their key (every value encrypted under it now reads {@code "[erased]"}) and
 * appends {@link PersonalDataErased} to their own stream (aggregate id = the subject reference), so that every
 * projection drops the clear text it holds of them, those from events older than the encryption included. Both
 * in one transaction: there is never an erasure recorded whose key is still there, nor the reverse.
 *
 * <p>Every erasure asked is recorded, also of a subject the ledger holds nothing of, or one already erased: the
 * ledger keeps the proof that each request was honoured, and a repeated one changes nothing more.
 */
@Component
public class SubjectErasure {

    /** The aggregate type of the subjects' streams. */
    static final String STREAM_TYPE = "DataSubject";

    private final Subjects subjects;
    private final SubjectKeys keys;
    private final ErasedSubjects erased;
    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SubjectErasure(Subjects subjects, SubjectKeys keys, ErasedSubjects erased, EventStore eventStore, JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.subjects = subjects;
        this.keys = keys;
        this.erased = erased;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * What an erasure did.
     *
     * @param subjectRef the subject's reference (a keyed hash: it reveals nobody)
     * @param keyDeleted whether a key was there to delete (false: nothing encrypted was held, or already erased)
     * @param position   the global position of the {@link PersonalDataErased} appended
     */
    public record Erasure(String subjectRef, boolean keyDeleted, long position) {
    }

    /**
     * Erases the normalised {@code subject} ({@link com.ticketledger.events.DataSubject#of}).
     *
     * @param user the privacy officer, for the event's metadata
     */
    public Erasure erase(String subject, String reason, String user, String role, String correlationId) {
        String ref = subjects.refOf(subject);
        Erasure erasure = transactions.execute(status -> {
            boolean deleted = keys.erase(ref);
            long sequence = eventStore.lastSequenceNumberFor(ref).map(last -> last + 1).orElse(0L);
            eventStore.publish(new GenericDomainEventMessage<>(STREAM_TYPE, ref, sequence,
                    new PersonalDataErased(ref, reason), MetaData.from(Map.of(MetaDataKeys.USER, user,
                            MetaDataKeys.ROLE, role, MetaDataKeys.CORRELATION_ID, correlationId))));
            long position = jdbc.sql("""
                            SELECT global_index FROM domain_event_entry
                            WHERE aggregate_identifier = :ref AND sequence_number = :sequence""")
                    .param("ref", ref).param("sequence", sequence).query(Long.class).single();
            return new Erasure(ref, deleted, position);
        });
        keys.forget(ref);
        erased.forget(ref);
        return erasure;
    }
}
