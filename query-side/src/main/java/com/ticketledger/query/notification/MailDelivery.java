package com.ticketledger.query.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a notification's e-mail through Spring Boot's mail sender ({@code spring.mail.*}, SMTP), or through the
 * local mail server of the embedded default. Plain text and HTML in one message, in the notification's language.
 */
@Component
class MailDelivery {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MessageTemplates templates;
    private final NotificationProperties properties;

    MailDelivery(ObjectProvider<JavaMailSender> mailSender, MessageTemplates templates,
            NotificationProperties properties) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.properties = properties;
    }

    void deliver(Outbox.Claimed notification) throws MessagingException {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is configured (spring.mail.host)");
        }
        MessageTemplates.Message message = templates.render(notification.kind(), notification.language(),
                notification.facts());
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(notification.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        mime.setHeader("Content-Language", notification.language());
        sender.send(mime);
    }
}
