package com.ticketledger.query.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.ticketledger.query.processing.ProcessingGroups;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    /**
     * The notifications projection starts at the ledger's head the first time it runs: what happened before
     * notifications existed is not news, and telling it would flood every inbox at once.
     */
    @Bean
    ConfigurerModule notificationsFromTheHead() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                ProcessingGroups.NOTIFICATIONS,
                (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken));
    }

    /**
     * The embedded default's SMTP server on the loopback address ({@code ledger.notifications.local-mail-server},
     * only while {@code spring.mail.host} is not set): it accepts every message and keeps it, so the whole flow
     * runs on one machine; {@code ./ledger mail} lists what it received.
     */
    @Bean(initMethod = "start", destroyMethod = "stop")
    @Conditional(LocalMailServerCondition.class)
    GreenMail localMailServer(NotificationProperties properties) {
        int port = properties.localMailServer().port() == 0 ? freePort() : properties.localMailServer().port();
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    /** A free port, chosen once: a server stopped and started again keeps it, and the mail sender with it. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the local mail server", e);
        }
    }

    /** Spring Boot's mail sender, pointed at the local server (Spring Boot makes its own from spring.mail.host). */
    @Bean
    @Conditional(LocalMailServerCondition.class)
    JavaMailSenderImpl localMailSender(GreenMail localMailServer, NotificationProperties properties) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(localMailServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        long timeout = properties.delivery().timeout().toMillis();
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", Long.toString(timeout));
        sender.getJavaMailProperties().put("mail.smtp.timeout", Long.toString(timeout));
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", Long.toString(timeout));
        return sender;
    }
}
