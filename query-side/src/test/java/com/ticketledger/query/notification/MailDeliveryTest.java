package com.ticketledger.query.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.ticketledger.sla.SlaProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.ServerSocket;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The e-mails of a batch go to a real SMTP server (GreenMail) over one connection, and what fails is named. */
class MailDeliveryTest {

    private static final NotificationProperties PROPERTIES = new Binder(new MapConfigurationPropertySource(
            Map.of("ledger.notifications.page-base-url", "https://desk.example/")))
            .bindOrCreate("ledger.notifications", NotificationProperties.class);

    private static final MessageTemplates TEMPLATES = new MessageTemplates(PROPERTIES,
            new SlaProperties("business-hours", Map.of("business-hours", new SlaProperties.CalendarProperties(
                    ZoneId.of("America/Argentina/Buenos_Aires"), false, Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0),
                    LocalTime.of(18, 0), Set.of())), Map.of()));

    private GreenMail server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aBatchOfMailsGoesOverOneConnectionAndEachArrives() throws Exception {
        int port = startServer();
        AtomicInteger connections = new AtomicInteger();
        List<Outbox.Claimed> batch = IntStream.range(0, 5).mapToObj(i -> notification("reporter" + i + "@acme.example"))
                .toList();

        Map<UUID, Exception> failed = delivery(countingSender(port, connections)).deliver(batch);

        assertThat(failed).isEmpty();
        assertThat(connections).hasValue(1);
        assertThat(Arrays.stream(server.getReceivedMessages()).map(MailDeliveryTest::recipient))
                .containsExactlyInAnyOrderElementsOf(batch.stream().map(Outbox.Claimed::recipient).toList());
    }

    @Test
    void aMailIsItsTextAndItsHtmlAsAlternativesInTheNotificationsLanguage() throws Exception {
        int port = startServer();
        Outbox.Claimed notification = notification("marta@acme.example");

        assertThat(delivery(countingSender(port, new AtomicInteger())).deliver(List.of(notification))).isEmpty();

        MimeMessage received = server.getReceivedMessages()[0];
        assertThat(received.getSubject()).contains("TCK-000042");
        assertThat(received.getHeader("Content-Language", null)).isEqualTo("en");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(0).getContent().toString()).contains("TCK-000042");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(1).getContent().toString()).contains("TCK-000042");
    }

    @Test
    void anUnreachableServerFailsEveryMailOfTheBatchWithItsError() throws Exception {
        List<Outbox.Claimed> batch = List.of(notification("a@acme.example"), notification("b@acme.example"));

        Map<UUID, Exception> failed = delivery(countingSender(freePort(), new AtomicInteger())).deliver(batch);

        assertThat(failed).containsOnlyKeys(batch.stream().map(Outbox.Claimed::id).toList());
        assertThat(failed.values()).allSatisfy(error -> assertThat(error).hasMessageContaining("connect"));
    }

    @Test
    void withoutAMailServerConfiguredEveryMailFailsSayingSo() {
        Outbox.Claimed notification = notification("a@acme.example");

        Map<UUID, Exception> failed = new MailDelivery(new StaticListableBeanFactory().getBeanProvider(
                JavaMailSender.class), TEMPLATES, PROPERTIES).deliver(List.of(notification));

        assertThat(failed.get(notification.id())).hasMessageContaining("spring.mail.host");
    }

    /** Starts a local SMTP server that keeps what it receives; answers its port. */
    private int startServer() throws Exception {
        int port = freePort();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return port;
    }

    @Test
    void theMailStreamProviderIsNamedOnceSoThatJakartaMailStopsSearchingTheJarsForIt() {
        String property = StreamProvider.class.getName();
        System.clearProperty(property);
        try {
            delivery(new JavaMailSenderImpl());

            String found = ServiceLoader.load(StreamProvider.class).findFirst().orElseThrow().getClass().getName();
            assertThat(System.getProperty(property)).isEqualTo(found);
            assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(found);
        } finally {
            MailDelivery.pinStreamProvider();
        }
    }

    private static MailDelivery delivery(JavaMailSender sender) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
        return new MailDelivery(beans.getBeanProvider(JavaMailSender.class), TEMPLATES, PROPERTIES);
    }

    /** Spring's sender, counting the connections it opens to the server. */
    private static JavaMailSender countingSender(int port, AtomicInteger connections) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl() {
            @Override
            protected Transport connectTransport() throws MessagingException {
                connections.incrementAndGet();
                return super.connectTransport();
            }
        };
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    private static Outbox.Claimed notification(String recipient) {
        return new Outbox.Claimed(UUID.randomUUID(), UUID.randomUUID(), NotificationKind.ACCEPTANCE_REQUESTED,
                NotificationChannel.EMAIL, recipient, "en", Map.of("number", "TCK-000042", "title", "VPN down",
                "status", "PENDING_CLOSURE", "level", "L1", "autoAcceptAt", "2026-12-07T15:00:00Z"), 0,
                Instant.parse("2026-12-04T12:00:00Z"));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
