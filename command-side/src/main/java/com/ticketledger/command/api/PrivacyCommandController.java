package com.ticketledger.command.api;

import com.ticketledger.command.privacy.SubjectErasure;
import com.ticketledger.events.DataSubject;
import com.ticketledger.web.access.DeskPrincipal;
import com.ticketledger.web.problem.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.ticketledger.command.api.CommandHeaders.CORRELATION_ID;
import static com.ticketledger.command.api.CommandHeaders.LEDGER_POSITION;
import static com.ticketledger.command.api.TextRules.MULTI_LINE;
import static com.ticketledger.command.api.TextRules.NO_CONTROL_CHARACTERS;
import static com.ticketledger.command.api.TextRules.NO_LINE_BREAKS;
import static com.ticketledger.command.api.TextRules.SINGLE_LINE;

/** The privacy officer's erasure of a data subject (docs/api.md, "Personal data"). */
@RestController
@RequestMapping(path = "/api/privacy/subjects", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Privacy")
class PrivacyCommandController {

    private final SubjectErasure erasure;

    PrivacyCommandController(SubjectErasure erasure) {
        this.erasure = erasure;
    }

    @Operation(operationId = "eraseDataSubject", summary = "Erase a data subject's personal data",
            description = "Deletes the key of the person the e-mail (or, without one, the phone) names, and appends"
                    + " `PersonalDataErased` to their own stream: from then on every read shows `\"[erased]\"` for"
                    + " their name, e-mail, phone and the notes marked as their personal data, also after a rebuild."
                    + " The ledger itself is not edited, and its hash chains stay valid. Every request is recorded;"
                    + " a repeated one erases nothing more (`keyDeleted` false). Free text that was not marked (titles,"
                    + " descriptions, unmarked notes) is not reached.\n\n**Who:** PRIVACY_OFFICER.")
    @PostMapping(path = "/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ErasureAnswer> erase(@Valid @RequestBody ErasureRequest body, CommandHeaders headers) {
        String subject = body.subject();
        DeskPrincipal principal = DeskPrincipal.current();
        SubjectErasure.Erasure done = erasure.erase(subject, body.reason().strip(), principal.name(),
                principal.role().name(), headers.correlationId());
        return ResponseEntity.ok()
                .header(LEDGER_POSITION, Long.toString(done.position()))
                .header(CORRELATION_ID, headers.correlationId())
                .body(new ErasureAnswer(done.subjectRef(), done.keyDeleted(), done.position()));
    }

    /** Who to erase, by exactly one of e-mail and phone, and why. */
    record ErasureRequest(
            @Email @Size(max = 254) @Pattern(regexp = SINGLE_LINE, message = NO_LINE_BREAKS) String email,
            @Size(max = 50) @Pattern(regexp = "[0-9+()./ -]*", message = "{ledger.validation.phone}") String phone,
            @NotBlank @Size(max = 1000) @Pattern(regexp = MULTI_LINE, message = NO_CONTROL_CHARACTERS) String reason) {

        /** The normalised subject; one of e-mail and phone, not both, and a phone with digits. */
        String subject() {
            boolean hasEmail = email != null && !email.isBlank();
            boolean hasPhone = phone != null && !phone.isBlank();
            if (hasEmail == hasPhone) {
                throw new InvalidField(hasEmail ? "phone" : "email", "field.email-xor-phone");
            }
            String subject = DataSubject.of(email, phone);
            if (subject.replace("+", "").isEmpty()) {
                throw new InvalidField("phone", "ledger.validation.phone");
            }
            return subject;
        }
    }

    /**
     * @param subjectRef the subject's reference, as the ledger names them (a keyed hash)
     * @param keyDeleted whether a key was deleted now (false: nothing encrypted was held, or already erased)
     * @param position   the global position of the {@code PersonalDataErased} event
     */
    @Schema(name = "ErasureAnswer")
    record ErasureAnswer(String subjectRef, boolean keyDeleted, long position) {
    }
}
