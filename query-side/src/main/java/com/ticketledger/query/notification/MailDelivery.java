package com.ticketledger.query.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.StreamProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends a notification's e-mail through Spring Boot's mail sender ({@code spring.mail.*}, SMTP), or through the
 * local mail server of the embedded default. Plain text and HTML in one message, in the notification's language.
 * A batch of e-mails goes over one connection to the server: connecting and greeting it cost as much as sending a
 * short message (a profile of the benchmark put the connection at a sixth of the sender's time, and the local
 * server's thread per connection on top of it).
 */
@Component
class MailDelivery {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MessageTemplates templates;
    private final NotificationProperties properties;

    MailDelivery(ObjectProvider<JavaMailSender> mailSender, MessageTemplates templates,
            NotificationProperties properties) {
        pinStreamProvider();
        this.mailSender = mailSender;
        this.templates = templates;
        this.properties = properties;
    }

    /**
     * Jakarta Mail (2.1) looks its stream provider up again for every body part, multipart and encoded header it
     * makes: with a {@code ServiceLoader} that searches every jar of the application, unless the system property
     * named after {@link StreamProvider} names the class. That look-up was three fifths of the sender's CPU in a
     * profile of the benchmark. The provider the {@code ServiceLoader} finds is looked up once here and named in
     * the property, so that each later look-up loads a class already loaded; a property set before is left alone.
     */
    static void pinStreamProvider() {
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), StreamProvider.provider().getClass().getName());
        }
    }

    /**
     * Sends the e-mails of {@code notifications} over one connection; answers those that were not sent, by
     * notification id, each with its error (all of them when the server cannot be reached).
     */
    Map<UUID, Exception> deliver(List<Outbox.Claimed> notifications) {
        Map<UUID, Exception> failed = new HashMap<>();
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            notifications.forEach(n -> failed.put(n.id(),
                    new IllegalStateException("no SMTP server is configured (spring.mail.host)")));
            return failed;
        }
        // in the order claimed (oldest first); a MimeMessage is equal only to itself
        Map<MimeMessage, UUID> messages = new LinkedHashMap<>();
        for (Outbox.Claimed notification : notifications) {
            try {
                messages.put(message(sender, notification), notification.id());
            } catch (MessagingException | RuntimeException e) {
                failed.put(notification.id(), e);
            }
        }
        if (messages.isEmpty()) {
            return failed;
        }
        try {
            sender.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            if (e.getFailedMessages().isEmpty()) {
                messages.values().forEach(id -> failed.put(id, e));
            }
            e.getFailedMessages().forEach((message, cause) -> failed.put(messages.get(message), cause));
        } catch (MailException e) {
            messages.values().forEach(id -> failed.put(id, e));
        }
        return failed;
    }

    /**
     * The e-mail: its text and its HTML as the two parts of one {@code multipart/alternative} body, nothing around
     * them (Spring's helper nests them in two more multiparts for attachments and inline images, which these
     * messages never have, and each part costs Jakarta Mail a provider look-up to make and a pass to write).
     */
    private MimeMessage message(JavaMailSender sender, Outbox.Claimed notification) throws MessagingException {
        MessageTemplates.Message message = templates.render(notification.kind(), notification.language(),
                notification.facts());
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_NO, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(notification.recipient());
        helper.setSubject(message.subject());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), "UTF-8", "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        mime.setContent(alternatives);
        mime.setHeader("Content-Language", notification.language());
        return mime;
    }
}
