package com.ticketledger.query.notification;

import com.ticketledger.query.consistency.ReadsProjection;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.read.Cursor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** {@code GET /api/notifications}: the outbox, for the OPERATOR who answers for it and the AUDITOR. */
@RestController
@RequestMapping(path = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@ReadsProjection(ProcessingGroups.NOTIFICATIONS)
@Tag(name = "Notifications", description = "What the ledger told whom, and whether it arrived.")
class NotificationController {

    private final Outbox outbox;

    NotificationController(Outbox outbox) {
        this.outbox = outbox;
    }

    @Operation(operationId = "listNotifications", summary = "List notifications",
            description = "The notifications decided from the ledger's events and SLA deadlines, newest first,"
                    + " narrowed by `ticketId`, `status` (`PENDING`, `SENT`, `FAILED`) and `kind`; `limit` 1 to 200,"
                    + " 50 by default. Each says its channel (`EMAIL`, `WEBHOOK`), recipient, language, how many"
                    + " deliveries were tried and why the last one failed.")
    @GetMapping
    List<Notification> notifications(@RequestParam(required = false) UUID ticketId,
            @RequestParam(required = false) NotificationStatus status,
            @RequestParam(required = false) NotificationKind kind, @RequestParam(required = false) Integer limit) {
        return outbox.find(ticketId, status, kind, Cursor.limit(limit));
    }
}
