package com.ticketledger.command.api;

import com.ticketledger.command.queue.TakeNext;
import com.ticketledger.command.recording.Recorded;
import com.ticketledger.command.ticket.Actor;
import com.ticketledger.command.ticket.TakeFromQueue;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.web.access.DeskPrincipal;
import com.ticketledger.web.problem.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** docs/api.md's take next: the head of a level's queue, assigned to the engineer who asks. */
@RestController
@RequestMapping(path = "/api/queues", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commands")
class QueueCommandController {

    private final TakeNext takeNext;

    QueueCommandController(TakeNext takeNext) {
        this.takeNext = takeNext;
    }

    /**
     * The command takes no input but the level: a body, if any, must be an empty JSON object (a field is refused by
     * name, as everywhere), and {@code If-Match} is refused, since the caller cannot know which ticket it will get.
     */
    @Sends(TakeFromQueue.class)
    @Operation(operationId = "takeNextTicket", summary = "Take the next ticket of a level's queue",
            description = "Assigns the head of the level's queue (incidents first, then priority, then first in, first"
                    + " out) to the caller, and answers which ticket that is (`Location`). Two engineers taking at"
                    + " the same time never get the same ticket. 404 when nobody is waiting. No body is needed.\n\n"
                    + "**Who:** an ENGINEER of that level (L1, L2 or L3; nobody takes from VENDOR).")
    @ResponseStatus(HttpStatus.CREATED) // the status the answer below always has, for the document
    @PostMapping("/{level}/next")
    ResponseEntity<CommandAnswer> takeNext(@PathVariable SupportLevel level,
            @RequestBody(required = false) TakeNextRequest body, CommandHeaders headers) {
        if (headers.expectedVersion() != null) {
            throw new InvalidField(CommandHeaders.IF_MATCH, "field.if-match-take-next");
        }
        DeskPrincipal principal = DeskPrincipal.current();
        Actor actor = new Actor(principal.name(), principal.role(), principal.organisation(), principal.level());
        Recorded recorded = takeNext.take(level, actor, headers.correlationId(), headers.idempotencyKey())
                .orElseThrow(() -> new QueueEmpty(level));
        return CommandAnswer.answer(recorded, headers.correlationId());
    }

    /** Nothing to say: the level is in the path. */
    @Schema(description = "No fields: send no body, or an empty object. A field is refused (400 naming it).")
    record TakeNextRequest() {
    }

    /** Nobody waits in the level's queue: 404, nothing written. */
    static final class QueueEmpty extends RuntimeException {

        private final SupportLevel level;

        QueueEmpty(SupportLevel level) {
            super("nobody is waiting in the " + level + " queue", null, false, false);
            this.level = level;
        }

        SupportLevel level() {
            return level;
        }
    }
}
