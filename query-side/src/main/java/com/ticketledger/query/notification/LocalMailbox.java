package com.ticketledger.query.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /actuator/mailbox} on the management port (loopback only): what the embedded default's local mail server
 * received, oldest first, so that a newcomer sees the notifications arrive ({@code ./ledger mail}). Exists only
 * while that server runs.
 */
@Component
@Endpoint(id = "mailbox")
@Conditional(LocalMailServerCondition.class)
class LocalMailbox {

    /** One e-mail received. */
    record Mail(Instant receivedAt, List<String> to, String subject, String language, String text) {
    }

    private final GreenMail server;

    LocalMailbox(GreenMail server) {
        this.server = server;
    }

    @ReadOperation
    List<Mail> received() throws MessagingException {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            Address[] to = message.getAllRecipients();
            mails.add(new Mail(message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                    message.getSubject(), message.getHeader("Content-Language", null), plainText(message)));
        }
        return mails;
    }

    /** The plain-text part of a message (the first text/plain part GreenMail finds), or its whole body. */
    static String plainText(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                String text = find(multipart);
                if (text != null) {
                    return text;
                }
            }
        } catch (java.io.IOException | MessagingException e) {
            // fall back to the raw body below
        }
        return GreenMailUtil.getBody(message);
    }

    private static String find(jakarta.mail.Multipart multipart) throws MessagingException, java.io.IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            jakarta.mail.BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                String text = find(nested);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
