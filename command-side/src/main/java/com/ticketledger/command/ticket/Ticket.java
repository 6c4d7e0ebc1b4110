package com.ticketledger.command.ticket;

import com.ticketledger.command.ticket.CommandRefused.Reason;
import com.ticketledger.events.AssignedVia;
import com.ticketledger.events.AttachmentAdded;
import com.ticketledger.events.CancellationReason;
import com.ticketledger.events.ClosureAccepted;
import com.ticketledger.events.MetaDataKeys;
import com.ticketledger.events.NoteAdded;
import com.ticketledger.events.PersonalData;
import com.ticketledger.events.Priority;
import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketCancelled;
import com.ticketledger.events.TicketEscalated;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.TicketPendingClosure;
import com.ticketledger.events.TicketReclassified;
import com.ticketledger.events.TicketReopened;
import com.ticketledger.events.TicketStatus;
import com.ticketledger.events.TicketType;
import com.ticketledger.events.Visibility;
import com.ticketledger.sla.AcceptanceWindow;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;

import static com.ticketledger.events.Role.CLIENT;
import static com.ticketledger.events.Role.ENGINEER;
import static com.ticketledger.events.Role.OPERATOR;
import static com.ticketledger.events.TicketStatus.ASSIGNED;
import static com.ticketledger.events.TicketStatus.CANCELLED;
import static com.ticketledger.events.TicketStatus.CLOSED;
import static com.ticketledger.events.TicketStatus.OPEN;
import static com.ticketledger.events.TicketStatus.PENDING_CLOSURE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One ticket, one problem (docs/domain.md). Each command handler checks, in this order: may the actor know the
 * ticket exists, may their role issue the command, is the ticket at the version they named, and does the
 * lifecycle allow it now. Only then does it apply exactly one event.
 */
@Aggregate(cache = "ticketCache")
public class Ticket {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @AggregateIdentifier
    private UUID ticketId;
    private String number;
    private String clientId;
    /** The reporter's subject (normalised e-mail or phone), whose key encrypts the notes marked as theirs. */
    private String reporterSubject;
    private String title;
    private Priority priority;
    private TicketType type;
    private String category;
    /** The SLA policy and version the ticket was opened under: its SLA for all its life. */
    private String slaPolicy;
    private int slaPolicyVersion;
    private TicketStatus status;
    private SupportLevel level;
    private String engineer;
    private Instant closedAt;
    /** When the current pending closure is accepted by the ledger itself; null when none is waiting. */
    private Instant autoAcceptAt;
    private long version;

    protected Ticket() {
        // rebuilt from its events by Axon
    }

    @CommandHandler
    public Ticket(OpenTicket command, ClientRegister clients) {
        Actor actor = command.actor();
        if (!actor.isAnyOf(OPERATOR, ENGINEER, CLIENT)) {
            throw new CommandRefused(Reason.NOT_ALLOWED, "role.open", "a " + actor.role() + " may not open tickets",
                    actor.role());
        }
        if (actor.is(CLIENT) && !Objects.equals(actor.organisation(), command.clientId())) {
            throw new CommandRefused(Reason.NOT_ALLOWED, "own-organisation",
                    "a client may open tickets only for its own organisation (" + actor.organisation() + ")",
                    actor.organisation());
        }
        ClientRegister.Contract contract = requireEntitled(clients, command.clientId(), command.requestedAt());
        apply(new TicketOpened(command.ticketId(), command.number(), command.clientId(), command.reporter(),
                command.affectedService(), command.title(), command.description(), command.affectedUsers(),
                command.occurredAt(), command.type(), command.priority(), command.channel(), command.category(),
                contract.slaPolicy(), contract.slaPolicyVersion()));
    }

    /**
     * Support is for clients with a contract in force (docs/domain.md, "Clients and contracts"): a client the
     * desk never registered is not found, and one without a contract on the day of the opening (in the client's
     * time zone), or with its contract suspended, is refused with the reason. Only new tickets are refused: a
     * contract that ends leaves the tickets already open as they are. The contract answered names the SLA policy
     * and the version of it in force now, which the opening is stamped with.
     */
    private static ClientRegister.Contract requireEntitled(ClientRegister clients, String clientId, Instant at) {
        ClientRegister.Terms terms = clients.find(clientId).orElseThrow(() -> new CommandRefused(
                Reason.CLIENT_NOT_FOUND, "client-not-found", "no client " + clientId, clientId));
        ClientRegister.Contract contract = terms.contract();
        if (contract == null) {
            throw new CommandRefused(Reason.NOT_ENTITLED, "contract.none", "client " + clientId
                    + " has no contract; no ticket may be opened for it", clientId);
        }
        if (contract.suspended()) {
            throw new CommandRefused(Reason.NOT_ENTITLED, "contract.suspended", "the contract of client " + clientId
                    + " is suspended (" + contract.suspensionReason() + "); no ticket may be opened for it", clientId,
                    contract.suspensionReason());
        }
        LocalDate day = at.atZone(terms.zone()).toLocalDate();
        if (day.isBefore(contract.from())) {
            throw new CommandRefused(Reason.NOT_ENTITLED, "contract.not-started", "the contract of client " + clientId
                    + " starts on " + contract.from() + "; no ticket may be opened for it before", clientId,
                    contract.from().toString());
        }
        if (day.isAfter(contract.to())) {
            throw new CommandRefused(Reason.NOT_ENTITLED, "contract.ended", "the contract of client " + clientId
                    + " ended on " + contract.to() + "; no ticket may be opened for it", clientId,
                    contract.to().toString());
        }
        if (contract.slaPolicyVersion() == null) {
            throw new CommandRefused(Reason.NOT_ENTITLED, "contract.policy-unknown", "the contract of client "
                    + clientId + " names SLA policy " + contract.slaPolicy() + ", which the ledger does not have; no"
                    + " ticket may be opened for it until the policy is defined", clientId, contract.slaPolicy());
        }
        return contract;
    }

    @CommandHandler
    public TicketVersion handle(AssignTicket command) {
        admit(command, "assign", "assign tickets", OPERATOR, ENGINEER);
        requireStatus(command, "assign", "assigned", OPEN, ASSIGNED);
        if (command.engineer().equals(engineer)) {
            throw refusal(Reason.INVALID_TRANSITION, "already-assigned", "is already assigned to " + engineer,
                    engineer);
        }
        SupportLevel needed = level == SupportLevel.VENDOR ? SupportLevel.L3 : level;
        if (command.engineerLevel() != needed) {
            throw refusal(Reason.INVALID_TRANSITION, "engineer-level", "is at level " + level + " and needs an "
                    + needed + " engineer; " + command.engineer() + " is " + describe(command.engineerLevel()),
                    level, needed, command.engineer(), command.engineerLevel() == null
                            ? new CommandRefused.Phrase("engineer.none")
                            : new CommandRefused.Phrase("engineer.level", command.engineerLevel()));
        }
        apply(new TicketAssigned(ticketId, command.engineer(), engineer, level));
        return currentVersion();
    }

    /**
     * Take next (docs/domain.md, "Queues"): the engineer becomes the assignee of the ticket their level's queue
     * offered, provided it is still waiting there; the queue's order, not the engineer, chose it.
     */
    @CommandHandler
    public TicketVersion handle(TakeFromQueue command) {
        admit(command, "take", "take tickets from a queue", ENGINEER);
        requireMayTakeFrom(command.actor(), command.level());
        if (status != OPEN || engineer != null || level != command.level()) {
            throw refusal(Reason.INVALID_TRANSITION, "not-waiting", "is no longer waiting in the " + command.level()
                    + " queue", command.level());
        }
        apply(new TicketAssigned(ticketId, command.actor().user(), null, level, AssignedVia.TAKE_NEXT));
        return currentVersion();
    }

    /**
     * Who may take from which queue: an ENGINEER, from their own level's queue only. The VENDOR queue is not an
     * assignment queue (a ticket at VENDOR keeps its L3 engineer), so nobody takes from it. Checked before the
     * queue is looked at, so that the answer does not depend on whether the queue is empty, and again by the
     * handler.
     */
    public static void requireMayTakeFrom(Actor actor, SupportLevel queue) {
        if (!actor.is(ENGINEER)) {
            throw new CommandRefused(Reason.NOT_ALLOWED, "role.take", "a " + actor.role()
                    + " may not take tickets from a queue", actor.role());
        }
        if (queue == SupportLevel.VENDOR) {
            throw new CommandRefused(Reason.NOT_ALLOWED, "take.vendor", "nobody takes from the " + queue
                    + " queue: a ticket at " + queue + " keeps its L3 engineer", queue);
        }
        if (actor.level() != queue) {
            throw new CommandRefused(Reason.NOT_ALLOWED, "take.other-level", actor.user() + " is " + describe(
                    actor.level()) + " and may take only from that level's queue, not from " + queue, actor.user(),
                    actor.level() == null ? new CommandRefused.Phrase("engineer.none")
                            : new CommandRefused.Phrase("engineer.level", actor.level()), queue);
        }
    }

    @CommandHandler
    public TicketVersion handle(AddNote command, ErasedReporters erasures) {
        admit(command, "note", "add notes", OPERATOR, ENGINEER, CLIENT);
        if (command.actor().is(CLIENT) && command.visibility() != Visibility.PUBLIC) {
            throw new CommandRefused(Reason.NOT_ALLOWED, "client-note", "a client may add only PUBLIC notes",
                    Visibility.PUBLIC);
        }
        requireStatus(command, "note", "given a note", OPEN, ASSIGNED, PENDING_CLOSURE);
        if (command.personalData()) {
            apply(new NoteAdded(ticketId, command.text(), command.visibility(), personalDataSubject(command, erasures)));
            return currentVersion();
        }
        apply(new NoteAdded(ticketId, command.text(), command.visibility()));
        return currentVersion();
    }

    /** An attachment is a note with a file: the same people, the same visibility rule, the same states. */
    @CommandHandler
    public TicketVersion handle(AddAttachment command) {
        admit(command, "attachment", "add attachments", OPERATOR, ENGINEER, CLIENT);
        if (command.actor().is(CLIENT) && command.visibility() != Visibility.PUBLIC) {
            throw new CommandRefused(Reason.NOT_ALLOWED, "client-attachment", "a client may add only PUBLIC attachments",
                    Visibility.PUBLIC);
        }
        requireStatus(command, "attachment", "given an attachment", OPEN, ASSIGNED, PENDING_CLOSURE);
        apply(new AttachmentAdded(ticketId, command.attachmentId(), command.fileName(), command.mediaType(),
                command.size(), command.sha256(), command.visibility()));
        return currentVersion();
    }

    @CommandHandler
    public TicketVersion handle(EscalateTicket command) {
        admit(command, "escalate", "escalate tickets", OPERATOR, ENGINEER);
        requireStatus(command, "escalate", "escalated", ASSIGNED);
        requireAssignedEngineerOrOperator(command, "escalate", "escalate it");
        SupportLevel next = level.next().orElseThrow(() -> refusal(Reason.INVALID_TRANSITION, "highest-level",
                "is already at " + level + ", the highest level", level));
        if (command.toLevel() != next) {
            throw refusal(Reason.INVALID_TRANSITION, "one-level", "is at " + level + "; it can be escalated only to "
                    + next + ", one level at a time", level, next);
        }
        boolean toVendor = next == SupportLevel.VENDOR;
        if (toVendor && isBlank(command.vendorCaseRef())) {
            throw new CommandRefused(Reason.INVALID_COMMAND, "vendor-case-needed",
                    "an escalation to VENDOR needs the vendor's case reference", SupportLevel.VENDOR);
        }
        if (!toVendor && !isBlank(command.vendorCaseRef())) {
            throw new CommandRefused(Reason.INVALID_COMMAND, "vendor-case-misplaced",
                    "a vendor case reference belongs only to an escalation to VENDOR", SupportLevel.VENDOR);
        }
        apply(new TicketEscalated(ticketId, number, clientId, title, priority, level, next, command.reason(),
                toVendor ? command.vendorCaseRef() : null, toVendor ? engineer : null));
        return currentVersion();
    }

    /**
     * The pending closure decides, once, when the ledger will accept the resolution itself if the client neither
     * accepts nor reopens: the auto-acceptance period of the SLA policy version the ticket was opened under, in
     * its priority's calendar, from now (the event's own clock), with the client's warning one business day before. The deadline is scheduled in the
     * command's unit of work, so it is kept (in PostgreSQL) exactly when the event is committed.
     */
    @CommandHandler
    public TicketVersion handle(MarkPendingClosure command, SlaPolicies policies, DeadlineManager deadlines) {
        admit(command, "pending-closure", "mark tickets pending closure", OPERATOR, ENGINEER);
        requireStatus(command, "pending-closure", "marked pending closure", ASSIGNED);
        requireAssignedEngineerOrOperator(command, "pending-closure", "mark it pending closure");
        // In milliseconds, as the ledger keeps its events' instants: the stamped instants read the same everywhere.
        AcceptanceWindow window = policies.version(slaPolicy, slaPolicyVersion).acceptanceWindow(priority,
                GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MILLIS));
        apply(new TicketPendingClosure(ticketId, command.resolution(), window.acceptAt(), window.warningAt()));
        deadlines.schedule(window.acceptAt(), AutoAcceptanceDue.DEADLINE,
                new AutoAcceptanceDue(ticketId, window.acceptAt()).asMessage());
        return currentVersion();
    }

    @CommandHandler
    public TicketVersion handle(AcceptClosure command, ClientRegister clients) {
        admit(command, "accept", "accept a closure", CLIENT);
        requireRepresentative(command, clients, "accept", "accept its resolution");
        requireStatus(command, "accept", "accepted", PENDING_CLOSURE);
        apply(new ClosureAccepted(ticketId, command.comment()));
        return currentVersion();
    }

    /**
     * Nobody answered the pending closure in time: the ledger accepts it itself, as the actor {@code system}. A
     * firing that finds the ticket no longer waiting for this very pending closure (accepted, reopened, cancelled,
     * or pending again since a reopening, with another instant) does nothing, so a late or repeated firing is
     * harmless. That is also why an acceptance, a reopening or a cancellation does not cancel the deadline: its
     * firing will find nothing to do, while cancelling it would cost each of those commands three more statements,
     * one of them a read of every automatic acceptance waiting (db-scheduler finds a deadline by its scope only so). The event names the ledger in its metadata, with a correlation id of its own: no request caused it.
     */
    @DeadlineHandler(deadlineName = AutoAcceptanceDue.DEADLINE)
    void acceptAutomatically(AutoAcceptanceDue due) {
        if (status != PENDING_CLOSURE || autoAcceptAt == null || !autoAcceptAt.equals(due.autoAcceptAt())) {
            return;
        }
        apply(new ClosureAccepted(ticketId, null, true), MetaData.with(MetaDataKeys.USER, MetaDataKeys.SYSTEM_USER)
                .and(MetaDataKeys.ROLE, MetaDataKeys.SYSTEM_ROLE)
                .and(MetaDataKeys.CORRELATION_ID, UUID.randomUUID().toString()));
    }

    @CommandHandler
    public TicketVersion handle(ReopenTicket command, SlaPolicies policies, ClientRegister clients) {
        admit(command, "reopen", "reopen tickets", CLIENT);
        requireRepresentative(command, clients, "reopen", "reopen it");
        requireStatus(command, "reopen", "reopened", PENDING_CLOSURE, CLOSED);
        if (status == CLOSED) {
            // the reopen window of the policy version the ticket was opened under, whatever came since
            Instant windowEnd = closedAt.plus(policies.version(slaPolicy, slaPolicyVersion).reopenWindow());
            if (command.requestedAt().isAfter(windowEnd)) {
                throw refusal(Reason.INVALID_TRANSITION, "reopening-window", "was closed on " + DAY.format(closedAt)
                        + " and could be reopened until " + DAY.format(windowEnd) + "; open a new ticket instead",
                        DAY.format(closedAt), DAY.format(windowEnd));
            }
        }
        apply(new TicketReopened(ticketId, command.reason(), status, engineer));
        return currentVersion();
    }

    /**
     * A correction of priority, type or category while the ticket is still being worked on. A request that
     * changes nothing is refused as a conflict with the ticket's state (409), like an assignment to the engineer
     * it already has: the same request would be a change on a ticket classified otherwise.
     */
    @CommandHandler
    public TicketVersion handle(ReclassifyTicket command) {
        admit(command, "reclassify", "reclassify tickets", OPERATOR, ENGINEER);
        requireStatus(command, "reclassify", "reclassified", OPEN, ASSIGNED, PENDING_CLOSURE);
        if (command.priority() == null && command.type() == null && command.category() == null) {
            throw new CommandRefused(Reason.INVALID_COMMAND, "reclassify-nothing",
                    "a reclassification needs a new priority, type or category");
        }
        Priority toPriority = command.priority() == null ? priority : command.priority();
        TicketType toType = command.type() == null ? type : command.type();
        String toCategory = command.category() == null ? category : command.category();
        if (toPriority == priority && toType == type && Objects.equals(toCategory, category)) {
            throw refusal(Reason.INVALID_TRANSITION, "reclassify-unchanged", "is already " + priority + ", " + type
                    + ", " + (category == null ? "without a category" : "category " + category)
                    + "; a reclassification must change its priority, type or category", priority, type,
                    category == null ? new CommandRefused.Phrase("category.none")
                            : new CommandRefused.Phrase("category.named", category));
        }
        apply(new TicketReclassified(ticketId, number, clientId, status, priority, toPriority, type, toType, category,
                toCategory, command.reason()));
        return currentVersion();
    }

    /**
     * Cancelling ends a ticket without a resolution. Its client may withdraw it; the desk (an OPERATOR, or the
     * engineer it is assigned to) may also close it as a duplicate of another ticket of the same organisation,
     * as out of scope, or as not covered by a contract.
     */
    @CommandHandler
    public TicketVersion handle(CancelTicket command, TicketDirectory directory) {
        admit(command, "cancel", "cancel tickets", OPERATOR, ENGINEER, CLIENT);
        Actor actor = command.actor();
        if (actor.is(CLIENT) && command.reason() != CancellationReason.WITHDRAWN) {
            throw new CommandRefused(Reason.NOT_ALLOWED, "client-cancel", "a client may cancel a ticket only as "
                    + CancellationReason.WITHDRAWN, CancellationReason.WITHDRAWN);
        }
        requireStatus(command, "cancel", "cancelled", OPEN, ASSIGNED, PENDING_CLOSURE);
        if (actor.is(ENGINEER) && engineer == null) {
            throw refusal(Reason.NOT_ALLOWED, "unassigned.cancel", "is not assigned to anyone; only an OPERATOR or"
                    + " its client may cancel it");
        }
        requireAssignedEngineerOrOperator(command, "cancel", "cancel it");
        boolean duplicate = command.reason() == CancellationReason.DUPLICATE;
        if (duplicate && command.duplicateOf() == null) {
            throw new CommandRefused(Reason.INVALID_COMMAND, "duplicate-of-needed",
                    "a cancellation as " + CancellationReason.DUPLICATE + " needs the original ticket (duplicateOf)",
                    CancellationReason.DUPLICATE);
        }
        if (!duplicate && command.duplicateOf() != null) {
            throw new CommandRefused(Reason.INVALID_COMMAND, "duplicate-of-misplaced",
                    "an original ticket (duplicateOf) belongs only to a cancellation as " + CancellationReason.DUPLICATE,
                    CancellationReason.DUPLICATE);
        }
        TicketDirectory.Entry original = null;
        if (duplicate) {
            if (command.duplicateOf().equals(ticketId)) {
                throw refusal(Reason.INVALID_COMMAND, "duplicate-of-itself", "cannot be a duplicate of itself");
            }
            // Another organisation's ticket answers as one that does not exist: the caller learns nothing of it.
            original = directory.find(command.duplicateOf()).filter(found -> clientId.equals(found.clientId()))
                    .orElseThrow(() -> refusal(Reason.TICKET_NOT_FOUND, "duplicate-of-unknown", "cannot be closed as"
                            + " a duplicate of " + command.duplicateOf() + ": its organisation has no such ticket",
                            command.duplicateOf()));
        }
        apply(new TicketCancelled(ticketId, number, clientId, command.reason(),
                original == null ? null : original.ticketId(), original == null ? null : original.number(),
                command.note(), status, engineer));
        return currentVersion();
    }

    /**
     * Only an OPERATOR judges that a note holds the reporter's personal data (it then reads "[erased]" once the
     * reporter is); a reporter already erased has no key to encrypt it under, and the note is refused.
     */
    private String personalDataSubject(AddNote command, ErasedReporters erasures) {
        if (!command.actor().is(OPERATOR)) {
            throw new CommandRefused(Reason.NOT_ALLOWED, "role.personal-note", "a " + command.actor().role()
                    + " may not mark a note as the reporter's personal data: only an OPERATOR does", command.actor().role());
        }
        if (reporterSubject == null || reporterSubject.equals(PersonalData.ERASED)
                || erasures.isErased(reporterSubject)) {
            throw new CommandRefused(Reason.INVALID_TRANSITION, "reporter-erased", "the reporter's personal data was erased:"
                    + " a note cannot be recorded as theirs");
        }
        return reporterSubject;
    }

    // --- what each event changes -------------------------------------------------------------------

    @EventSourcingHandler
    void on(TicketOpened event, @SequenceNumber long sequence) {
        ticketId = event.ticketId();
        number = event.number();
        clientId = event.clientId();
        reporterSubject = event.reporter() == null ? null : event.reporter().dataSubject();
        title = event.title();
        priority = event.priority();
        type = event.type();
        category = event.category();
        slaPolicy = event.policyName();
        slaPolicyVersion = event.policyVersion();
        status = OPEN;
        level = SupportLevel.L1;
        version = sequence;
    }

    @EventSourcingHandler
    void on(TicketAssigned event, @SequenceNumber long sequence) {
        engineer = event.engineer();
        status = ASSIGNED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(NoteAdded event, @SequenceNumber long sequence) {
        version = sequence;
    }

    @EventSourcingHandler
    void on(AttachmentAdded event, @SequenceNumber long sequence) {
        version = sequence;
    }

    @EventSourcingHandler
    void on(TicketEscalated event, @SequenceNumber long sequence) {
        level = event.toLevel();
        engineer = event.engineer();
        status = engineer == null ? OPEN : ASSIGNED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(TicketPendingClosure event, @SequenceNumber long sequence) {
        status = PENDING_CLOSURE;
        autoAcceptAt = event.autoAcceptAt();
        version = sequence;
    }

    @EventSourcingHandler
    void on(ClosureAccepted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status = CLOSED;
        closedAt = at;
        autoAcceptAt = null;
        version = sequence;
    }

    @EventSourcingHandler
    void on(TicketReopened event, @SequenceNumber long sequence) {
        status = ASSIGNED;
        engineer = event.engineer();
        closedAt = null;
        autoAcceptAt = null;
        version = sequence;
    }

    @EventSourcingHandler
    void on(TicketReclassified event, @SequenceNumber long sequence) {
        priority = event.toPriority();
        type = event.toType();
        category = event.toCategory();
        version = sequence;
    }

    @EventSourcingHandler
    void on(TicketCancelled event, @SequenceNumber long sequence) {
        status = CANCELLED;
        autoAcceptAt = null;
        version = sequence;
    }

    // --- the checks every command on an existing ticket goes through --------------------------------

    /**
     * A client of another organisation must not learn that the ticket exists; then the role must be one that
     * may issue the command; then the caller's {@code If-Match} version must be the current one. {@code commandKey}
     * names the command in the refusals' keys ({@code role.<commandKey>}), {@code action} says it in words.
     */
    private void admit(TicketCommand command, String commandKey, String action, Role... allowed) {
        Actor actor = command.actor();
        if (actor.is(CLIENT) && !Objects.equals(actor.organisation(), clientId)) {
            throw new CommandRefused(Reason.TICKET_NOT_FOUND, "ticket-not-found", "no ticket " + command.ticketId(),
                    command.ticketId());
        }
        if (!actor.isAnyOf(allowed)) {
            throw new CommandRefused(Reason.NOT_ALLOWED, "role." + commandKey, "a " + actor.role() + " may not "
                    + action, actor.role());
        }
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw refusal(Reason.STALE_VERSION, "stale-version", "is at version " + version + ", not at version "
                    + command.expectedVersion() + " as the request's If-Match says; read it again",
                    version, command.expectedVersion());
        }
    }

    /**
     * Acceptance and reopening speak for the client: when it names representatives, only they may (the other
     * users of the organisation still read and add public notes); when it names none, or was never registered
     * (a ticket older than the client register), any user of the organisation may.
     */
    private void requireRepresentative(TicketCommand command, ClientRegister clients, String commandKey,
            String action) {
        String user = command.actor().user();
        boolean maySpeak = clients.find(clientId).map(terms -> terms.mayBeSpokenForBy(user)).orElse(true);
        if (!maySpeak) {
            throw refusal(Reason.NOT_ALLOWED, "representatives-only." + commandKey, "may be accepted or reopened only"
                    + " by the representatives of client " + clientId + "; " + user + " is not one of them, and may"
                    + " not " + action, clientId, user);
        }
    }

    /** The engineer the ticket is assigned to answers for it; another engineer may not act in their place. */
    private void requireAssignedEngineerOrOperator(TicketCommand command, String commandKey, String action) {
        Actor actor = command.actor();
        if (actor.is(ENGINEER) && !actor.user().equals(engineer)) {
            throw refusal(Reason.NOT_ALLOWED, "assigned-only." + commandKey, "is assigned to " + engineer + "; only "
                    + engineer + " or an OPERATOR may " + action, engineer);
        }
    }

    private void requireStatus(TicketCommand command, String commandKey, String what, TicketStatus... allowed) {
        for (TicketStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw refusal(Reason.INVALID_TRANSITION, "status." + commandKey, "is " + status + " and cannot be " + what
                + "; " + allowedNow(), status, new CommandRefused.Phrase("allowed-now." + status));
    }

    /** What the lifecycle of docs/domain.md allows from the current status, in a service-desk person's words. */
    private String allowedNow() {
        switch (status) {
            case OPEN:
                return "allowed now: an assignment, a note, an attachment, a reclassification or a cancellation";
            case ASSIGNED:
                return "allowed now: a re-assignment, a note, an attachment, an escalation, marking it pending closure,"
                        + " a reclassification or a cancellation";
            case PENDING_CLOSURE:
                return "allowed now: a note, an attachment, the client's acceptance, a reopening, a reclassification"
                        + " or a cancellation";
            case CLOSED:
                return "only a reopening is allowed";
            case CANCELLED:
                return "nothing more is allowed, it was cancelled; open a new ticket if the problem remains";
            default:
                throw new IllegalStateException("unknown status " + status);
        }
    }

    /** A refusal about this ticket: its number is the first argument, then {@code arguments}. */
    private CommandRefused refusal(Reason reason, String key, String whatTheTicketIs, Object... arguments) {
        Object[] all = new Object[arguments.length + 1];
        all[0] = number;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new CommandRefused(reason, key, "ticket " + number + " " + whatTheTicketIs, all);
    }

    private TicketVersion currentVersion() {
        return new TicketVersion(ticketId, number, version);
    }

    private static String describe(SupportLevel engineerLevel) {
        return engineerLevel == null ? "not an engineer" : "an " + engineerLevel + " engineer";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
