package com.ticketledger.command.api;

import com.ticketledger.command.api.ClientRequests.ContactsRequest;
import com.ticketledger.command.api.ClientRequests.ContractRequest;
import com.ticketledger.command.api.ClientRequests.RegistrationRequest;
import com.ticketledger.command.client.Client;
import com.ticketledger.command.client.RegisterClient;
import com.ticketledger.command.client.SetContacts;
import com.ticketledger.command.client.SetContract;
import com.ticketledger.command.policy.LedgerSlaPolicies;
import com.ticketledger.command.recording.ClientRecorded;
import com.ticketledger.command.recording.CommandRecorder;
import com.ticketledger.command.ticket.Actor;
import com.ticketledger.events.Role;
import com.ticketledger.web.access.DeskPrincipal;
import com.ticketledger.web.access.DeskUser;
import com.ticketledger.web.access.DeskUsers;
import com.ticketledger.web.problem.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import static com.ticketledger.command.api.CommandHeaders.CORRELATION_ID;
import static com.ticketledger.command.api.CommandHeaders.LEDGER_POSITION;

/** docs/api.md's client register: request → command → committed event → answer, like every command. */
@RestController
@RequestMapping(path = "/api/clients", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Clients", description = "The client register: who is entitled to support, and who speaks for the "
        + "client. Each command appends one event to the client's stream, or is refused and writes nothing.")
class ClientCommandController {

    private final CommandRecorder recorder;
    private final DeskUsers users;
    private final LedgerSlaPolicies policies;

    ClientCommandController(CommandRecorder recorder, DeskUsers users, LedgerSlaPolicies policies) {
        this.recorder = recorder;
        this.users = users;
        this.policies = policies;
    }

    /** What a client command answers: the client, its version after the command, and the event's position. */
    record ClientAnswer(String clientId, long version, long position) {
    }

    @Sends(RegisterClient.class)
    @Operation(operationId = "registerClient", summary = "Register a client organisation",
            description = "A new client at version 0, without a contract: no ticket may be opened for it until one "
                    + "is in force. `language` is `es-AR` or `en`; `timeZone` an IANA id, where the contract's days "
                    + "begin and end.\n\n**Who:** OPERATOR.")
    @ResponseStatus(HttpStatus.CREATED) // the status the answer below always has, for the document
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ClientAnswer> register(@Valid @RequestBody RegistrationRequest body, CommandHeaders headers) {
        Actor actor = actor();
        Client.requireMayChangeRegister(actor, "register");
        body.requireKnownZone();
        return record(actor, headers, List.of("client", body), ignored -> new RegisterClient(body.clientId(),
                body.name(), body.language(), body.timeZone(), actor));
    }

    @Sends(SetContract.class)
    @Operation(operationId = "setContract", summary = "Set a client's contract",
            description = "Replaces the contract: `from` and `to` (days, both included, in the client's time zone), "
                    + "`slaPolicy` (the name of an SLA policy the ledger has, e.g. `standard`; any other is a 400 "
                    + "naming it), `onSiteSupport`, and `suspended` with its "
                    + "`suspensionReason` (e.g. unpaid). New tickets need a contract in force and not suspended; "
                    + "tickets already open are not touched.\n\n**Who:** OPERATOR.")
    @PutMapping(path = "/{clientId}/contract", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ClientAnswer> setContract(@PathVariable String clientId, @Valid @RequestBody ContractRequest body,
            CommandHeaders headers) {
        Actor actor = actor();
        Client.requireMayChangeRegister(actor, "contract");
        ClientRequests.requireClientId(clientId);
        body.requireConsistency();
        if (policies.currentVersion(body.slaPolicy()).isEmpty()) {
            throw new InvalidField("slaPolicy", "field.sla-policy-unknown", body.slaPolicy());
        }
        return record(actor, headers, List.of("contract", clientId, body), ignored -> new SetContract(clientId,
                body.from(), body.to(), body.slaPolicy(), body.includesOnSiteSupport(), body.isSuspended(),
                body.suspensionReason(), actor, headers.expectedVersion()));
    }

    @Sends(SetContacts.class)
    @Operation(operationId = "setContacts", summary = "Set a client's contacts",
            description = "Replaces the contacts: `representatives` (user names of the client's organisation who may "
                    + "accept a resolution or reopen a ticket; none: any user of the organisation may), the technical "
                    + "focal point (`focalPointName`, `focalPointEmail`), the area manager's e-mail "
                    + "(`areaManagerEmail`) and `escalationEmails`.\n\n**Who:** OPERATOR.")
    @PutMapping(path = "/{clientId}/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ClientAnswer> setContacts(@PathVariable String clientId, @Valid @RequestBody ContactsRequest body,
            CommandHeaders headers) {
        Actor actor = actor();
        Client.requireMayChangeRegister(actor, "contacts");
        ClientRequests.requireClientId(clientId);
        List<String> representatives = body.representativesOrNone();
        for (String representative : representatives) {
            boolean ofTheClient = users.find(representative).filter(user -> user.role() == Role.CLIENT)
                    .map(DeskUser::organisation).filter(organisation -> Objects.equals(organisation, clientId))
                    .isPresent();
            if (!ofTheClient) {
                throw new InvalidField("representatives", "field.representative", representative, clientId);
            }
        }
        return record(actor, headers, List.of("contacts", clientId, body), ignored -> new SetContacts(clientId,
                representatives, body.focalPointName(), body.focalPointEmail(), body.areaManagerEmail(),
                body.escalationEmailsOrNone(), actor, headers.expectedVersion()));
    }

    private static Actor actor() {
        DeskPrincipal principal = DeskPrincipal.current();
        return new Actor(principal.name(), principal.role(), principal.organisation(), principal.level());
    }

    private ResponseEntity<ClientAnswer> record(Actor actor, CommandHeaders headers, List<?> request,
            Function<Actor, ?> command) {
        List<Object> fingerprint = new ArrayList<>(request);
        fingerprint.add(String.valueOf(headers.expectedVersion()));
        ClientRecorded recorded = recorder.recordClientChange(actor, headers.correlationId(),
                headers.idempotencyKey(), fingerprint, () -> command.apply(actor));
        ResponseEntity.BodyBuilder answer = recorded.created()
                ? ResponseEntity.created(URI.create("/api/clients/" + recorded.clientId()))
                : ResponseEntity.ok();
        return answer.eTag(CommandHeaders.etag(recorded.version()))
                .header(LEDGER_POSITION, Long.toString(recorded.position()))
                .header(CORRELATION_ID, headers.correlationId())
                .body(new ClientAnswer(recorded.clientId(), recorded.version(), recorded.position()));
    }
}
