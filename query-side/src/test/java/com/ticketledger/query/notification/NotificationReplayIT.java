package com.ticketledger.query.notification;

import com.ticketledger.events.AssignedVia;
import com.ticketledger.events.Channel;
import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ContactsSet;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.PersonalDataErased;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Reporter;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketType;
import com.ticketledger.query.QuerySideIT;
import com.ticketledger.store.privacy.Subjects;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The once-only rule at the projection: an event handled again adds nothing, and a replay (a rebuild) decides
 * nothing while it refills what the projection keeps of each ticket. The events are handed to the projection
 * directly, as its processor would, without entering the shared ledger.
 */
class NotificationReplayIT extends QuerySideIT {

    @Autowired
    NotificationProjection projection;

    private TicketOpened opened() {
        return opened("acme");
    }

    private TicketOpened opened(String clientId) {
        return new TicketOpened(UUID.randomUUID(), "TCK-" + (800_000 + (int) (Math.random() * 99_999)), clientId,
                new Reporter("Marta", "marta@" + clientId + ".example", null), null, "Printer jammed", "It jams", 1, null,
                TicketType.INCIDENT, Priority.LOW, Channel.WEB);
    }

    private int outbox(UUID ticketId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE ticket_id = :id").param("id", ticketId)
                .query(Integer.class).single();
    }

    @Test
    void anEventHandledTwiceDecidesItsNotificationsOnce() {
        TicketOpened ticket = opened();
        Instant now = Instant.now();
        String assignment = UUID.randomUUID().toString();
        projection.on(ticket, now, 0, UUID.randomUUID().toString(), "CLIENT", "acme-1", ReplayStatus.REGULAR);
        projection.on(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), now, 1, assignment,
                "OPERATOR", "operator", ReplayStatus.REGULAR);
        int decided = outbox(ticket.ticketId());
        assertThat(decided).isEqualTo(2); // ASSIGNED to ana, PUBLIC_UPDATE to the reporter

        // the same event again (a batch retried after a crash): the ticket is past it, and the key is taken
        projection.on(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), now, 1, assignment,
                "OPERATOR", "operator", ReplayStatus.REGULAR);
        assertThat(outbox(ticket.ticketId())).isEqualTo(decided);
    }

    @Test
    void anEngineerWhoTakesATicketIsNotToldOfIt() {
        TicketOpened ticket = opened();
        Instant now = Instant.now();
        projection.on(ticket, now, 0, UUID.randomUUID().toString(), "CLIENT", "acme-1", ReplayStatus.REGULAR);
        projection.on(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1, AssignedVia.TAKE_NEXT), now,
                1, UUID.randomUUID().toString(), "ENGINEER", "ana", ReplayStatus.REGULAR);
        assertThat(jdbc.sql("SELECT kind FROM notification WHERE ticket_id = :id").param("id", ticket.ticketId())
                .query(String.class).list()).containsExactly("PUBLIC_UPDATE");
    }

    @Test
    void aReplayRefillsTheTicketsButDecidesNothing() {
        TicketOpened ticket = opened();
        Instant now = Instant.now();
        projection.on(ticket, now, 0, UUID.randomUUID().toString(), "CLIENT", "acme-1", ReplayStatus.REPLAY);
        projection.on(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), now, 1,
                UUID.randomUUID().toString(), "OPERATOR", "operator", ReplayStatus.REPLAY);
        projection.on(new TicketPendingClosure(ticket.ticketId(), "cleared the jam", now.plusSeconds(3_600),
                now.plusSeconds(60)), now, 2, UUID.randomUUID().toString(), "ENGINEER", "ana", ReplayStatus.REPLAY);

        assertThat(outbox(ticket.ticketId())).isZero();
        String status = jdbc.sql("SELECT status FROM notification_ticket WHERE ticket_id = :id")
                .param("id", ticket.ticketId()).query(String.class).single();
        assertThat(status).isEqualTo("PENDING_CLOSURE");
    }

    @Test
    void aClientsLatestContactsAndLanguageAddressItsTicketsAndAClientEventHandledAgainChangesNothing() {
        String clientId = "replayed-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        projection.on(new ClientRegistered(clientId, "Replayed Ltd", "en", "Europe/London"), 0);
        projection.on(new ContactsSet(clientId, List.of(), null, null, "first@desk.example", List.of()), 1);
        projection.on(new ContactsSet(clientId, List.of(), null, null, "second@desk.example",
                List.of("noc@replayed.example")), 2);
        // handled again (a batch retried, a rebuild's replay over what is kept): older than what is kept
        projection.on(new ContactsSet(clientId, List.of(), null, null, "first@desk.example", List.of()), 1);
        projection.on(new ClientRegistered(clientId, "Replayed Ltd", "es-AR", "Europe/London"), 0);

        TicketOpened ticket = opened(clientId);
        projection.on(ticket, now, 0, UUID.randomUUID().toString(), "OPERATOR", "operator", ReplayStatus.REGULAR);
        projection.on(new TicketEscalated(ticket.ticketId(), ticket.number(), clientId, ticket.title(),
                ticket.priority(), SupportLevel.L3, SupportLevel.VENDOR, "firmware bug", "VND-9", "carla"), now, 1,
                UUID.randomUUID().toString(), "ENGINEER", "carla", ReplayStatus.REGULAR);

        assertThat(jdbc.sql("""
                        SELECT recipient || ' ' || language FROM notification
                        WHERE ticket_id = :id AND kind = 'VENDOR_ESCALATION' AND channel = 'EMAIL'""")
                .param("id", ticket.ticketId()).query(String.class).list())
                .containsExactlyInAnyOrder("second@desk.example en", "noc@replayed.example en");
    }

    @Autowired
    Outbox outbox;

    @Autowired
    Subjects subjects;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anAddressWhoseSubjectWasErasedIsNeverWrittenToThoughTheUsersFileStillNamesIt() {
        String erased = "rep." + UUID.randomUUID() + "@initech.example";
        String ref = subjects.refOfEmail(erased);
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("DataSubject",
                ref, 0, new PersonalDataErased(ref, "her request"), Map.of(MetaDataKeys.USER, "dpo",
                MetaDataKeys.ROLE, "PRIVACY_OFFICER", MetaDataKeys.CORRELATION_ID, "erasure"))));
        UUID ticketId = UUID.randomUUID();

        outbox.record(new Decision(ticketId, NotificationKind.ACCEPTANCE_REQUESTED, "event:" + UUID.randomUUID(),
                List.of(erased.toUpperCase(Locale.ROOT), "other.rep@initech.example"), Locale.ENGLISH,
                Map.of("number", "TCK-1", "title", "t", "status", "PENDING_CLOSURE"), Instant.now()));

        assertThat(jdbc.sql("SELECT recipient FROM notification WHERE ticket_id = :id AND channel = 'EMAIL'")
                .param("id", ticketId).query(String.class).list()).containsExactly("other.rep@initech.example");
    }
}
