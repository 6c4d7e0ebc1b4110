package com.ticketledger.query.notification;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local mail server (a real GreenMail on a free port) keeps each mailbox's newest messages only. */
class LocalMailRetentionTest {

    private GreenMail server;

    @BeforeEach
    void startServer() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void eachMailboxKeepsItsNewestMessagesAndTheOthersAreLeftAlone() throws Exception {
        for (int i = 1; i <= 5; i++) {
            send("reporter@acme.example", "update " + i);
        }
        send("lead.l1@desk.example", "at risk 1");
        send("lead.l1@desk.example", "at risk 2");
        LocalMailRetention retention = new LocalMailRetention(server, properties("3"));

        assertThat(retention.trim()).isEqualTo(2);

        assertThat(subjectsTo("reporter@acme.example")).containsExactly("update 3", "update 4", "update 5");
        assertThat(subjectsTo("lead.l1@desk.example")).containsExactly("at risk 1", "at risk 2");
        assertThat(retention.trim()).as("nothing more to remove").isZero();
        send("reporter@acme.example", "update 6");
        assertThat(retention.trim()).isEqualTo(1);
        assertThat(subjectsTo("reporter@acme.example")).containsExactly("update 4", "update 5", "update 6");
    }

    @Test
    void refusesToKeepNothing() {
        assertThatThrownBy(() -> properties("0")).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("keep must be at least 1");
    }

    private static NotificationProperties properties(String keep) {
        return new Binder(new MapConfigurationPropertySource(Map.of(
                "ledger.notifications.page-base-url", "https://desk.example/",
                "ledger.notifications.local-mail-server.keep", keep)))
                .bindOrCreate("ledger.notifications", NotificationProperties.class);
    }

    private void send(String to, String subject) {
        GreenMailUtil.sendTextEmail(to, "desk@desk.example", subject, "text", server.getSmtp().getServerSetup().port(server.getSmtp().getPort()));
    }

    private List<String> subjectsTo(String address) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }
}
