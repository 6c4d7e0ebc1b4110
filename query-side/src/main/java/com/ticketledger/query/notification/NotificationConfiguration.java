package com.ticketledger.query.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.ticketledger.query.processing.ProcessingGroups;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ReplayToken;
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
     * The first time it runs, the notifications projection reads the ledger up to its head as a replay: what
     * happened before notifications existed is not news (telling it would flood every inbox at once), so nothing
     * of it is decided, but what the projection keeps of the tickets and the clients (their languages and
     * contacts: the demo clients are registered before the query side first starts) is filled in, as a rebuild
     * would. What comes after the head is decided as it comes.
     */
    @Bean
    ConfigurerModule notificationsReplayThePastTheFirstTime() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                ProcessingGroups.NOTIFICATIONS, (configuration, builder) -> builder.initialToken(
                        source -> ReplayToken.createReplayToken(source.createHeadToken())));
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
