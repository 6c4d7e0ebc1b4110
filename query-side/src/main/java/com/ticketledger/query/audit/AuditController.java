package com.ticketledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.query.read.TicketNotFound;
import com.ticketledger.query.status.StatusEvolution;
import com.ticketledger.query.status.StatusReads;
import com.ticketledger.query.status.StatusRow;
import com.ticketledger.query.status.TicketStatusView;
import com.ticketledger.store.HashChain;
import com.ticketledger.store.StoredEvent;
import com.ticketledger.store.StoredEvents;
import com.ticketledger.store.privacy.PersonalDataCipher;
import com.ticketledger.web.openapi.ProblemAnswers;
import com.ticketledger.web.openapi.ProblemResponse;
import com.ticketledger.web.problem.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The auditor's reads (docs/api.md), always from the ledger itself: complete, and never behind a projection.
 * Every event of the ticket ever recorded, the chain recomputed in Java from the stored content, and the
 * status view rebuilt from the events up to an instant, its SLA evaluated at that instant.
 */
@RestController
@RequestMapping(path = "/api/audit/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "The ledger itself: raw events, the hash chain, a ticket as it was.")
@ProblemAnswers(ProblemResponse.SERVICE_UNAVAILABLE) // they read the database
class AuditController {

    private static final HexFormat HEX = HexFormat.of();

    private final StoredEvents storedEvents;
    private final EventStore eventStore;
    private final StatusEvolution evolution;
    private final StatusReads reads;
    private final ObjectMapper objectMapper;
    private final AttachmentChecks attachmentChecks;
    private final PersonalDataCipher personalData;

    AuditController(StoredEvents storedEvents, EventStore eventStore, StatusEvolution evolution, StatusReads reads,
            ObjectMapper objectMapper, AttachmentChecks attachmentChecks, PersonalDataCipher personalData) {
        this.storedEvents = storedEvents;
        this.eventStore = eventStore;
        this.evolution = evolution;
        this.reads = reads;
        this.objectMapper = objectMapper;
        this.attachmentChecks = attachmentChecks;
        this.personalData = personalData;
    }

    @Operation(operationId = "getAuditEvents", summary = "Read a ticket's raw events",
            description = "Every event of the ticket as the ledger holds it (payload and metadata as JSON, position,"
                    + " hashes in hex), read from the ledger itself, never from a projection.")
    @GetMapping("/{ticketId}/events")
    List<AuditEvent> events(@PathVariable UUID ticketId) {
        return stream(ticketId).stream().map(this::audit).toList();
    }

    @Operation(operationId = "verifyChain", summary = "Verify a ticket's hash chain",
            description = "Recomputes the chain in Java from the stored bytes and names the first event whose"
                    + " sequence, link or hash does not hold, and recomputes each attachment's SHA-256 from its stored"
                    + " bytes, naming those missing or altered.")
    @GetMapping("/{ticketId}/verify")
    ChainVerification verify(@PathVariable UUID ticketId) {
        List<StoredEvent> stream = stream(ticketId);
        HashChain.Verification verification = HashChain.verify(stream);
        AttachmentChecks.Result attachments = attachmentChecks.check(stream);
        return new ChainVerification(ticketId, verification.valid() && attachments.broken().isEmpty(),
                verification.events(), hex(verification.headHash()), verification.firstBrokenSequence(),
                attachments.checked(), attachments.broken());
    }

    /** Rebuilt with the same {@link StatusEvolution} the live projection uses, from the events up to {@code asOf}. */
    @Operation(operationId = "getStateAsOf", summary = "Read a ticket as it was",
            description = "The status view rebuilt from the ticket's events up to `asOf`, its SLA evaluated at that"
                    + " instant; 404 when the ticket was not yet opened then.")
    @GetMapping("/{ticketId}/state")
    TicketStatusView state(@PathVariable UUID ticketId, @Parameter(description = "An ISO-8601 instant",
            schema = @Schema(type = "string", format = "date-time")) @RequestParam String asOf) {
        Instant instant = instant(asOf);
        DomainEventStream events = eventStore.readEvents(ticketId.toString());
        StatusRow row = null;
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (message.getTimestamp().isAfter(instant)) {
                break;
            }
            TicketEvent event = (TicketEvent) message.getPayload();
            row = row == null
                    ? evolution.opened((TicketOpened) event, message.getTimestamp(), message.getSequenceNumber(), 0)
                    : evolution.apply(row, event, message.getTimestamp(), message.getSequenceNumber(), 0,
                            (String) message.getMetaData().get(MetaDataKeys.ROLE));
        }
        if (row == null) {
            throw new TicketNotFound(ticketId);
        }
        return reads.view(row, instant);
    }

    private List<StoredEvent> stream(UUID ticketId) {
        List<StoredEvent> stream = storedEvents.ofStream(ticketId.toString());
        if (stream.isEmpty()) {
            throw new TicketNotFound(ticketId);
        }
        return stream;
    }

    private AuditEvent audit(StoredEvent event) {
        String payloadType = event.payloadType();
        return new AuditEvent(event.sequenceNumber(), event.globalIndex(),
                payloadType.substring(payloadType.lastIndexOf('.') + 1), payloadType, Instant.parse(event.timeStamp()),
                payload(payloadType, json(event.payload())), json(event.metaData()), hex(event.hash()),
                hex(event.previousHash()));
    }

    /**
     * The payload as stored; personal data is there encrypted (it reveals nothing), except in events older than
     * the encryption, whose clear values read "[erased]" once their subject is erased.
     */
    private JsonNode payload(String payloadType, JsonNode payload) {
        try {
            return personalData.redactStored(payload, Class.forName(payloadType));
        } catch (ClassNotFoundException e) {
            return payload;
        }
    }

    private JsonNode json(byte[] bytes) {
        try {
            return bytes == null ? null : objectMapper.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event is not JSON", e);
        }
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidField("asOf", "field.instant");
        }
    }
}
