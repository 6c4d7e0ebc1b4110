package com.ticketledger.query.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.events.DataSubject;
import com.ticketledger.store.privacy.SubjectKeys;
import com.ticketledger.store.privacy.Subjects;
import com.ticketledger.web.openapi.ProblemAnswers;
import com.ticketledger.web.openapi.ProblemResponse;
import com.ticketledger.web.problem.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Art. 15 GDPR / "derecho de acceso" (Ley 25.326): everything the ledger holds about a data subject, decrypted.
 * The ledger is searched itself, not a projection: the events whose payload names the subject's reference (its
 * encrypted values), and the older ones that hold the e-mail or phone in the clear. A full scan of the ledger,
 * which an access request, rare and not urgent, can afford.
 */
@RestController
@RequestMapping(path = "/api/privacy/subjects", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Privacy", description = "A data subject's personal data: access (here) and erasure (the command side).")
@ProblemAnswers(ProblemResponse.SERVICE_UNAVAILABLE)
class SubjectAccessController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cc}]{1,64}@[^@\\s\\p{Cc}]{1,189}");
    private static final Pattern PHONE = Pattern.compile("[0-9+()./ -]{1,50}");

    private final Subjects subjects;
    private final SubjectKeys keys;
    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    SubjectAccessController(Subjects subjects, SubjectKeys keys, EventStore eventStore, JdbcClient jdbc,
            ObjectMapper objectMapper) {
        this.subjects = subjects;
        this.keys = keys;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /**
     * What the ledger holds about a subject.
     *
     * @param subjectRef the subject's reference (a keyed hash of the normalised e-mail or phone)
     * @param erased     whether the subject was erased (then the values read {@code "[erased]"})
     * @param keyHeld    whether a key of the subject is held now (data written since an erasure has a new one)
     * @param events     every event holding the subject's data, in the ledger's order, decoded as every read sees it
     */
    record SubjectData(String subjectRef, boolean erased, boolean keyHeld, List<SubjectEvent> events) {
    }

    /**
     * @param stream   the stream (a ticket's id, or the subject's own reference for an erasure)
     * @param sequence the event's place in its stream
     * @param position the event's global position
     * @param type     the event's type, e.g. {@code TicketOpened}
     * @param at       when it was recorded
     * @param payload  the event, its personal data decrypted
     */
    record SubjectEvent(String stream, long sequence, long position, String type, Instant at, JsonNode payload) {
    }

    @Operation(operationId = "getDataSubject", summary = "Read everything the ledger holds about a data subject",
            description = "Exactly one of `email` and `phone`. Every event that holds the person's data (theirs by"
                    + " their key, or by their address in the clear in events older than the encryption), decrypted,"
                    + " and the erasures recorded. Free text that was not marked as personal data is found only"
                    + " where it holds the address itself.\n\n**Who:** PRIVACY_OFFICER.")
    @GetMapping
    SubjectData subject(@Parameter(description = "The subject's e-mail") @RequestParam(required = false) String email,
            @Parameter(description = "The subject's phone, when they gave no e-mail")
            @RequestParam(required = false) String phone) {
        String subject = subjectOf(email, phone);
        String ref = subjects.refOf(subject);
        // The truth of the moment, not what this instance cached of the subject.
        subjects.forget(ref);
        List<SubjectEvent> events = jdbc.sql("""
                        SELECT aggregate_identifier, sequence_number FROM domain_event_entry
                        WHERE position(convert_to(:ref, 'UTF8') IN payload) > 0
                           OR strpos(lower(convert_from(payload, 'UTF8')), :subject) > 0
                        ORDER BY global_index""")
                .param("ref", ref).param("subject", subject)
                .query((rs, n) -> read(rs.getString(1), rs.getLong(2)))
                .list();
        return new SubjectData(ref, subjects.isErased(ref), keys.find(ref).isPresent(), events);
    }

    private SubjectEvent read(String stream, long sequence) {
        DomainEventStream events = eventStore.readEvents(stream, sequence);
        DomainEventMessage<?> message = events.next();
        long position = jdbc.sql("""
                        SELECT global_index FROM domain_event_entry
                        WHERE aggregate_identifier = :stream AND sequence_number = :sequence""")
                .param("stream", stream).param("sequence", sequence).query(Long.class).single();
        return new SubjectEvent(stream, sequence, position, message.getPayloadType().getSimpleName(),
                message.getTimestamp(), objectMapper.valueToTree(message.getPayload()));
    }

    private static String subjectOf(String email, String phone) {
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasPhone = phone != null && !phone.isBlank();
        if (hasEmail == hasPhone) {
            throw new InvalidField(hasEmail ? "phone" : "email", "field.email-xor-phone");
        }
        if (hasEmail && !EMAIL.matcher(email.strip()).matches()) {
            throw new InvalidField("email", "field.email");
        }
        if (hasPhone && (!PHONE.matcher(phone.strip()).matches() || phone.replaceAll("[^0-9]", "").isEmpty())) {
            throw new InvalidField("phone", "field.phone");
        }
        return DataSubject.of(email, phone);
    }
}
