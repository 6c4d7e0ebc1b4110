package com.ticketledger.command.api;

import com.ticketledger.web.problem.InvalidField;

import com.ticketledger.command.api.TicketRequests.AcceptanceRequest;
import com.ticketledger.command.api.TicketRequests.AssignmentRequest;
import com.ticketledger.command.api.TicketRequests.CancellationRequest;
import com.ticketledger.command.api.TicketRequests.EscalationRequest;
import com.ticketledger.command.api.TicketRequests.NoteRequest;
import com.ticketledger.command.api.TicketRequests.OpenTicketRequest;
import com.ticketledger.command.api.TicketRequests.PendingClosureRequest;
import com.ticketledger.command.api.TicketRequests.ReclassificationRequest;
import com.ticketledger.command.api.TicketRequests.ReopeningRequest;
import com.ticketledger.command.attachment.AttachmentForm;
import com.ticketledger.command.attachment.AttachmentProperties;
import com.ticketledger.command.attachment.Upload;
import com.ticketledger.command.recording.CommandRecorder;
import com.ticketledger.command.recording.Recorded;
import com.ticketledger.command.recording.TicketNumbers;
import com.ticketledger.command.ticket.AcceptClosure;
import com.ticketledger.command.ticket.Actor;
import com.ticketledger.command.ticket.AddAttachment;
import com.ticketledger.command.ticket.AddNote;
import com.ticketledger.command.ticket.AssignTicket;
import com.ticketledger.command.ticket.CancelTicket;
import com.ticketledger.command.ticket.EscalateTicket;
import com.ticketledger.command.ticket.MarkPendingClosure;
import com.ticketledger.command.ticket.OpenTicket;
import com.ticketledger.command.ticket.ReclassifyTicket;
import com.ticketledger.command.ticket.ReopenTicket;
import com.ticketledger.command.ticket.TicketProperties;
import com.ticketledger.events.Reporter;
import com.ticketledger.events.Role;
import com.ticketledger.web.access.DeskPrincipal;
import com.ticketledger.web.openapi.ProblemAnswers;
import com.ticketledger.web.openapi.ProblemResponse;
import com.ticketledger.web.access.DeskUser;
import com.ticketledger.web.access.DeskUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** docs/api.md's commands: request → command → committed event → answer. No rule of the desk is decided here. */
@RestController
@RequestMapping(path = "/api/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands",
        description = "Each command appends one event to the ticket's stream, or is refused and writes nothing.")
class TicketCommandController {

    private final CommandRecorder recorder;
    private final TicketNumbers numbers;
    private final DeskUsers users;
    private final Clock clock;
    private final AttachmentProperties attachments;
    private final TicketProperties tickets;

    TicketCommandController(CommandRecorder recorder, TicketNumbers numbers, DeskUsers users, Clock clock,
            AttachmentProperties attachments, TicketProperties tickets) {
        this.recorder = recorder;
        this.numbers = numbers;
        this.users = users;
        this.clock = clock;
        this.attachments = attachments;
        this.tickets = tickets;
    }

    @Sends(OpenTicket.class)
    @Operation(operationId = "openTicket", summary = "Open a ticket",
            description = "A new ticket at L1, status OPEN, version 0, for a registered client (else 404) whose contract "
                    + "is in force today in its time zone and not suspended (else 409 saying why).\n\n**Who:** OPERATOR, "
                    + "ENGINEER, or a CLIENT for its own organisation (`clientId`).")
    @ResponseStatus(HttpStatus.CREATED) // the status the answer below always has, for the document
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAnswer> open(@Valid @RequestBody OpenTicketRequest body, CommandHeaders headers) {
        body.reporter().requireEmailOrPhone();
        requireKnownCategory(body.category());
        return record(headers, List.of("open", body), actor -> new OpenTicket(UUID.randomUUID(), numbers.next(),
                body.clientId(), new Reporter(body.reporter().name(), body.reporter().email(), body.reporter().phone()),
                body.affectedService(), body.title(), body.description(), body.affectedUsers(), body.occurredAt(),
                body.type(), body.priority(), body.channel(), body.category(), actor, clock.instant()));
    }

    @Sends(AssignTicket.class)
    @Operation(operationId = "assignTicket", summary = "Assign a ticket to an engineer",
            description = "The engineer must be of the ticket's level (L3 for a ticket at VENDOR).\n\n**Who:** OPERATOR, "
                    + "ENGINEER.")
    @PostMapping(path = "/{ticketId}/assignment", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAnswer> assign(@PathVariable UUID ticketId, @Valid @RequestBody AssignmentRequest body,
            CommandHeaders headers) {
        DeskUser engineer = users.find(body.engineer()).filter(user -> user.role() == Role.ENGINEER)
                .orElseThrow(() -> new InvalidField("engineer", "field.no-such-engineer", body.engineer()));
        return record(headers, List.of("assignment", ticketId, body), actor -> new AssignTicket(ticketId,
                engineer.name(), engineer.level(), actor, headers.expectedVersion()));
    }

    @Sends(AddNote.class)
    @Operation(operationId = "addNote", summary = "Add a note",
            description = "PUBLIC (the default) or INTERNAL, on a ticket not yet closed. `personalData: true` marks the"
                    + " text as the reporter's personal data: it is then encrypted under the reporter's key and reads"
                    + " `\"[erased]\"` once they are erased (only an OPERATOR marks a note; 403 for others).\n\n"
                    + "**Who:** OPERATOR, ENGINEER, a CLIENT of the ticket's organisation (PUBLIC notes only).")
    @PostMapping(path = "/{ticketId}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAnswer> addNote(@PathVariable UUID ticketId, @Valid @RequestBody NoteRequest body,
            CommandHeaders headers) {
        return record(headers, List.of("note", ticketId, body), actor -> new AddNote(ticketId, body.text(),
                body.visibilityOrDefault(), actor, headers.expectedVersion(), body.markedPersonal()));
    }

    @Sends(AddAttachment.class)
    @Operation(operationId = "addAttachment", summary = "Attach a file",
            description = "A multipart form: the part `file` (at most `ledger.attachments.max-size`, 10 MiB; not empty; "
                    + "not an executable, by its bytes or by its name) and the field `visibility`, PUBLIC (the default) or "
                    + "INTERNAL, on a ticket not yet closed. The type recorded is the one the bytes show, never the one "
                    + "sent; the name is kept for display only, cleaned of folders and control characters. The bytes are "
                    + "stored with the event or not at all.\n\n**Who:** OPERATOR, ENGINEER, a CLIENT of the ticket's "
                    + "organisation (PUBLIC attachments only).")
    @ProblemAnswers(ProblemResponse.CONTENT_TOO_LARGE)
    @PostMapping(path = "/{ticketId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CommandAnswer> addAttachment(@PathVariable UUID ticketId,
            @RequestPart(name = AttachmentForm.FILE, required = false) MultipartFile file,
            @Schema(allowableValues = {"PUBLIC", "INTERNAL"}, defaultValue = "PUBLIC")
            @RequestPart(name = AttachmentForm.VISIBILITY, required = false) String visibility,
            HttpServletRequest request, CommandHeaders headers) {
        AttachmentForm form = AttachmentForm.read(request, file, visibility, attachments);
        Upload upload = form.upload();
        return record(headers, List.of("attachment", ticketId, upload.sha256(), upload.fileName(), form.visibility()),
                actor -> new AddAttachment(ticketId, UUID.randomUUID(), upload.fileName(), upload.mediaType(),
                        upload.size(), upload.sha256(), form.visibility(), upload.content(), actor,
                        headers.expectedVersion()));
    }

    @Sends(EscalateTicket.class)
    @Operation(operationId = "escalateTicket", summary = "Escalate a ticket one level",
            description = "L1 → L2 → L3 → VENDOR, one level at a time, from ASSIGNED; `vendorCaseRef` is required for "
                    + "VENDOR and only then.\n\n**Who:** the ENGINEER the ticket is assigned to, or an OPERATOR.")
    @PostMapping(path = "/{ticketId}/escalation", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAnswer> escalate(@PathVariable UUID ticketId, @Valid @RequestBody EscalationRequest body,
            CommandHeaders headers) {
        body.requireConsistency();
        return record(headers, List.of("escalation", ticketId, body), actor -> new EscalateTicket(ticketId,
                body.toLevel(), body.reason(), body.vendorCaseRef(), actor, headers.expectedVersion()));
    }

    @Sends(MarkPendingClosure.class)
    @Operation(operationId = "markPendingClosure", summary = "Mark a ticket pending closure",
            description = "The resolution is given to the client, who accepts or reopens; the SLA's resolution clock "
                    + "stops. If the client does neither within the `autoAcceptAfter` of the SLA policy version the "
                    + "ticket was opened under (5 business days of the ticket's calendar in `standard` v1), the ledger "
                    + "accepts it itself: the event records when "
                    + "(`autoAcceptAt`) and when the client is warned (`autoAcceptWarningAt`, one business day before)."
                    + "\n\n**Who:** the ENGINEER the ticket is assigned to, or an OPERATOR.")
    @PostMapping(path = "/{ticketId}/pending-closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAnswer> markPendingClosure(@PathVariable UUID ticketId,
            @Valid @RequestBody PendingClosureRequest body, CommandHeaders headers) {
        return record(headers, List.of("pending-closure", ticketId, body), actor -> new MarkPendingClosure(ticketId,
                body.resolution(), actor, headers.expectedVersion()));
    }

    /** The body is optional: a client may accept without a comment. */
    @Sends(AcceptClosure.class)
    @Operation(operationId = "acceptClosure", summary = "Accept the resolution",
            description = "Closes a ticket pending closure, and cancels its automatic acceptance. The body is "
                    + "optional.\n\n**Who:** a CLIENT of the ticket's organisation.")
    @PostMapping(path = "/{ticketId}/acceptance")
    ResponseEntity<CommandAnswer> accept(@PathVariable UUID ticketId,
            @Valid @RequestBody(required = false) AcceptanceRequest body, CommandHeaders headers) {
        AcceptanceRequest acceptance = body == null ? AcceptanceRequest.EMPTY : body;
        return record(headers, List.of("acceptance", ticketId, acceptance), actor -> new AcceptClosure(ticketId,
                acceptance.comment(), actor, headers.expectedVersion()));
    }

    @Sends(ReopenTicket.class)
    @Operation(operationId = "reopenTicket", summary = "Reopen a ticket",
            description = "From PENDING_CLOSURE, or from CLOSED within the reopening window (the `reopenWindow` "
                    + "of the SLA policy version the ticket was opened under: 30 days in `standard` v1).\n\n**Who:** a "
                    + "CLIENT of the ticket's organisation.")
    @PostMapping(path = "/{ticketId}/reopening", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAnswer> reopen(@PathVariable UUID ticketId, @Valid @RequestBody ReopeningRequest body,
            CommandHeaders headers) {
        return record(headers, List.of("reopening", ticketId, body), actor -> new ReopenTicket(ticketId,
                body.reason(), clock.instant(), actor, headers.expectedVersion()));
    }

    @Sends(ReclassifyTicket.class)
    @Operation(operationId = "reclassifyTicket", summary = "Reclassify a ticket",
            description = "Changes the priority, the type or the category (one of `ledger.tickets.categories`); a "
                    + "field left out keeps its value, and a request that changes nothing is a 409. The SLA targets "
                    + "become the new priority's, measured from the opening, and the queues reorder at once. Not on a "
                    + "CLOSED or CANCELLED ticket.\n\n**Who:** OPERATOR, ENGINEER.")
    @PostMapping(path = "/{ticketId}/classification", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAnswer> reclassify(@PathVariable UUID ticketId,
            @Valid @RequestBody ReclassificationRequest body, CommandHeaders headers) {
        requireKnownCategory(body.category());
        return record(headers, List.of("classification", ticketId, body), actor -> new ReclassifyTicket(ticketId,
                body.priority(), body.type(), body.category(), body.reason(), actor, headers.expectedVersion()));
    }

    @Sends(CancelTicket.class)
    @Operation(operationId = "cancelTicket", summary = "Cancel a ticket, or close it as a duplicate",
            description = "From OPEN, ASSIGNED or PENDING_CLOSURE to CANCELLED, final: it leaves every queue and its "
                    + "SLA clocks stop. `duplicateOf` (the original ticket's id, of the same organisation, not the "
                    + "ticket itself) is required for DUPLICATE and only then; an original the caller's ticket cannot "
                    + "name answers 404.\n\n**Who:** a CLIENT of the ticket's organisation (`WITHDRAWN` only), an "
                    + "OPERATOR, or the ENGINEER the ticket is assigned to.")
    @PostMapping(path = "/{ticketId}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAnswer> cancel(@PathVariable UUID ticketId, @Valid @RequestBody CancellationRequest body,
            CommandHeaders headers) {
        body.requireConsistency();
        return record(headers, List.of("cancellation", ticketId, body), actor -> new CancelTicket(ticketId,
                body.reason(), body.duplicateOf(), body.note(), actor, headers.expectedVersion()));
    }

    private void requireKnownCategory(String category) {
        Categories.requireKnown(tickets.categories(), category);
    }

    private ResponseEntity<CommandAnswer> record(CommandHeaders headers, List<?> request, Function<Actor, ?> command) {
        DeskPrincipal principal = DeskPrincipal.current();
        Actor actor = new Actor(principal.name(), principal.role(), principal.organisation(), principal.level());
        List<Object> fingerprint = new ArrayList<>(request);
        fingerprint.add(String.valueOf(headers.expectedVersion()));
        Recorded recorded = recorder.record(actor, headers.correlationId(), headers.idempotencyKey(), fingerprint,
                () -> command.apply(actor));
        return CommandAnswer.answer(recorded, headers.correlationId());
    }
}
