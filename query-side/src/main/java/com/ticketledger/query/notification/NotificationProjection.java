package com.ticketledger.query.notification;

import com.ticketledger.events.ClientRegistered;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.ContactsSet;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.PersonalData;
import com.ticketledger.events.PersonalDataErased;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketEvent;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.Visibility;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.store.privacy.Subjects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides the notifications the events call for (docs/domain.md, "Notifications") and writes them to the
 * outbox in the transaction of the batch that handles the event, with what it keeps of each ticket
 * ({@code notification_ticket}) and of each client ({@code notification_client}, from the client events of this
 * same processing group) to address and word them. Nothing is sent here: the sender delivers later, so
 * an unreachable mail server never holds up a projection.
 *
 * <p>Who is told is decided when the event is handled: a later change of the client's contacts addresses the
 * decisions after it, and leaves those in the outbox as they are.
 *
 * <p>Once only: a notification's natural key is the ticket, the kind and the event, so an event handled again
 * (a retried batch, a dead letter) adds nothing; and a replay (a rebuild) decides nothing at all, it only
 * refills {@code notification_ticket}: what was decided before stays, and nothing of the past is told again.
 *
 * <p>A processor's batch reads the rows of the tickets and clients its events name at once, keeps them in memory,
 * and writes the changed rows and the decisions in one statement each just before it commits
 * ({@code processing.BatchedRows}, {@code BatchedInserts}): an event costs no statement of its own.
 */
@Component
@ProcessingGroup(ProcessingGroups.NOTIFICATIONS)
class NotificationProjection {

    private final NotificationTickets tickets;
    private final NotificationClients clients;
    private final Outbox outbox;
    private final Recipients recipients;
    private final Subjects subjects;

    NotificationProjection(NotificationTickets tickets, NotificationClients clients, Outbox outbox,
            Recipients recipients, Subjects subjects) {
        this.tickets = tickets;
        this.clients = clients;
        this.outbox = outbox;
        this.recipients = recipients;
        this.subjects = subjects;
    }

    /**
     * A data subject's personal data was erased: the e-mail addresses kept of them (a reporter's, a recipient's)
     * become {@value PersonalData#ERASED}, and what was still to be sent to them is not sent. The outbox keeps
     * addresses, not subject references, so each distinct address is matched against the subject's reference
     * here: an erasure is rare, and this costs one keyed hash per distinct address kept.
     */
    @EventHandler
    void on(PersonalDataErased erased) {
        subjects.forget(erased.subjectRef());
        // what the batch decided and kept so far is written first, so the erasure finds it, and read again after
        outbox.flush();
        tickets.flush();
        Set<String> addresses = new HashSet<>(outbox.addresses());
        addresses.addAll(tickets.reporterEmails());
        for (String address : addresses) {
            if (erased.subjectRef().equals(subjects.refOfEmail(address))) {
                outbox.erase(address);
                tickets.eraseReporterEmail(address);
            }
        }
    }

    /** The client's language, from its registration on (a replayed registration changes nothing). */
    @EventHandler
    void on(ClientRegistered registered, @SequenceNumber long sequence) {
        clients.registered(registered, sequence);
    }

    /** The client's contacts as they now stand: who is told of what is decided from now on. */
    @EventHandler
    void on(ContactsSet contacts, @SequenceNumber long sequence) {
        clients.contactsSet(contacts, sequence);
    }

    @EventHandler
    void on(TicketEvent event, @Timestamp Instant at, @SequenceNumber long sequence,
            @MessageIdentifier String eventIdentifier, @MetaDataValue(MetaDataKeys.ROLE) String role,
            @MetaDataValue(MetaDataKeys.USER) String user, ReplayStatus replay) {
        if (event instanceof TicketOpened opened) {
            tickets.opened(opened, sequence);
            return;
        }
        Optional<NotificationTickets.Ticket> found = tickets.find(event.ticketId());
        if (found.isEmpty() || found.get().version() >= sequence) {
            // opened before this projection first ran (it starts at the ledger's head), or handled already
            return;
        }
        NotificationTickets.Ticket before = found.get();
        NotificationTickets.Ticket after = before.after(event, sequence);
        tickets.save(after);
        if (replay == ReplayStatus.REPLAY) {
            return;
        }
        String trigger = "event:" + eventIdentifier;
        Function<Optional<NotificationClients.Client>, List<String>> reporter =
                client -> after.reporterEmail() == null ? List.of() : List.of(after.reporterEmail());
        boolean byDesk = role != null && !Role.CLIENT.name().equals(role);
        if (event instanceof TicketAssigned assigned && !assigned.engineer().equals(user)) {
            // an engineer who took the ticket (take next, or assigning themselves) knows it already
            String engineer = recipients.deskUser(assigned.engineer());
            List<String> told = engineer == null ? List.of() : List.of(engineer);
            decide(after, NotificationKind.ASSIGNED, trigger, client -> told, at,
                    Map.of("engineer", assigned.engineer()));
        } else if (event instanceof TicketEscalated escalated && escalated.toLevel() == SupportLevel.VENDOR) {
            decide(after, NotificationKind.VENDOR_ESCALATION, trigger, recipients::vendorEscalation, at,
                    Map.of("vendorCaseRef", escalated.vendorCaseRef(), "reason", escalated.reason()));
        } else if (event instanceof TicketPendingClosure pending) {
            Map<String, Object> facts = new LinkedHashMap<>();
            if (pending.autoAcceptAt() != null) {
                facts.put("autoAcceptAt", pending.autoAcceptAt().toString());
            }
            decide(after, NotificationKind.ACCEPTANCE_REQUESTED, trigger,
                    client -> recipients.acceptance(client, after.reporterEmail()), at, facts);
            return;
        } else if (event instanceof ClosureAccepted accepted && accepted.automatic()) {
            decide(after, NotificationKind.AUTO_ACCEPTED, trigger,
                    client -> recipients.acceptance(client, after.reporterEmail()), at, Map.of());
            return;
        } else if (event instanceof NoteAdded note && note.visibility() == Visibility.PUBLIC && byDesk) {
            decide(after, NotificationKind.PUBLIC_UPDATE, trigger, reporter, at, Map.of("note", true));
            return;
        }
        // the status the client sees changed by the desk's hand (the client knows what they did themselves)
        if (byDesk && after.status() != before.status() && !(event instanceof TicketReopened)) {
            decide(after, NotificationKind.PUBLIC_UPDATE, trigger, reporter, at,
                    Map.of("previousStatus", before.status().name()));
        }
    }

    /**
     * Records one decision, addressed and worded from what is kept of the ticket's client now ({@code emails}
     * picks the addresses from it; the client is looked up only when something is decided).
     */
    private void decide(NotificationTickets.Ticket ticket, NotificationKind kind, String trigger,
            Function<Optional<NotificationClients.Client>, List<String>> emails, Instant at,
            Map<String, Object> extra) {
        Optional<NotificationClients.Client> client = clients.find(ticket.clientId());
        Map<String, Object> facts = ticket.facts();
        facts.putAll(extra);
        outbox.record(new Decision(ticket.ticketId(), kind, trigger, emails.apply(client), recipients.language(client),
                facts, at));
    }

    /**
     * A rebuild refills what is kept of each ticket and each client; the outbox stays as it is (nothing is decided
     * again).
     */
    @ResetHandler
    void reset() {
        tickets.deleteAll();
        clients.deleteAll();
    }
}
