package com.ticketledger.query.notification;

import com.ticketledger.events.SupportLevel;
import com.ticketledger.web.access.AccessProperties;
import com.ticketledger.web.access.DeskUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Who of the client and of the desk is told, and in which language, as the client's register says. */
class RecipientsTest {

    /** A real bcrypt hash (of "acme-1"): a users file is refused without one. */
    private static final String HASH = "{bcrypt}$2a$10$fjMj2RvK9Kf5MBOrNPEFYO6Bdlb4cz1lVAIYfsXj.C0DLRST5yrs.";

    private final Recipients recipients = new Recipients(users(), new Binder(new MapConfigurationPropertySource(
            Map.of("ledger.notifications.language", "en",
                    "ledger.notifications.area-manager", "desk.manager@desk.example",
                    "ledger.notifications.team-leads.L1", "lead.l1@desk.example")))
            .bindOrCreate("ledger.notifications", NotificationProperties.class));

    private static DeskUsers users() {
        Map<String, String> settings = new HashMap<>();
        String[][] users = {{"ana", "ENGINEER", null, "ana@desk.example"},
                {"rep-1", "CLIENT", "initech", "rep-1@initech.example"},
                {"rep-2", "CLIENT", "initech", "Rep-2@Initech.example"},
                {"rep-without-mail", "CLIENT", "initech", null},
                {"other-org", "CLIENT", "globex", "other@globex.example"}};
        for (int i = 0; i < users.length; i++) {
            String prefix = "ledger.security.users[" + i + "].";
            settings.put(prefix + "name", users[i][0]);
            settings.put(prefix + "role", users[i][1]);
            settings.put(prefix + "password-hash", HASH);
            if (users[i][2] != null) {
                settings.put(prefix + "organisation", users[i][2]);
            }
            if (users[i][3] != null) {
                settings.put(prefix + "email", users[i][3]);
            }
        }
        return new DeskUsers(new Binder(new MapConfigurationPropertySource(settings))
                .bind("ledger.security", AccessProperties.class).get());
    }

    private static Optional<NotificationClients.Client> client(String language, List<String> representatives,
            String areaManager, List<String> escalation) {
        return Optional.of(new NotificationClients.Client("initech", language, representatives, areaManager,
                escalation));
    }

    @Test
    void eachClientIsWrittenToInItsOwnLanguageAndAnUnknownOneInTheConfiguredOne() {
        assertThat(recipients.language(client("es-AR", List.of(), null, List.of())))
                .isEqualTo(Locale.forLanguageTag("es-AR"));
        assertThat(recipients.language(client("en", List.of(), null, List.of()))).isEqualTo(Locale.ENGLISH);
        assertThat(recipients.language(Optional.empty())).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theRepresentativesWithAnAddressAreAskedToAcceptAndNotTheReporter() {
        assertThat(recipients.acceptance(client("en", List.of("rep-1", "rep-without-mail", "rep-2", "unknown-user"),
                null, List.of()), "reporter@initech.example"))
                .containsExactly("rep-1@initech.example", "Rep-2@Initech.example");
    }

    @Test
    void aUserOfAnotherOrganisationNamedARepresentativeIsNotWrittenTo() {
        assertThat(recipients.acceptance(client("en", List.of("other-org", "ana"), null, List.of()),
                "reporter@initech.example")).containsExactly("reporter@initech.example");
    }

    @Test
    void withoutRepresentativesOrAKnownClientTheReporterIsAskedAsBefore() {
        assertThat(recipients.acceptance(client("en", List.of(), null, List.of()), "reporter@initech.example"))
                .containsExactly("reporter@initech.example");
        assertThat(recipients.acceptance(Optional.empty(), "reporter@initech.example"))
                .containsExactly("reporter@initech.example");
        assertThat(recipients.acceptance(Optional.empty(), null)).isEmpty();
    }

    @Test
    void aVendorEscalationTellsTheClientsAreaManagerAndEscalationAddressesEachOnce() {
        assertThat(recipients.vendorEscalation(client("en", List.of(), "boss@desk.example",
                List.of("noc@initech.example", "BOSS@desk.example", " cto@initech.example "))))
                .containsExactly("boss@desk.example", "noc@initech.example", "cto@initech.example");
        assertThat(recipients.vendorEscalation(client("en", List.of(), null, List.of("noc@initech.example"))))
                .containsExactly("noc@initech.example");
    }

    @Test
    void aClientThatNamesNoOneForEscalationsFallsBackToTheDesksAreaManager() {
        assertThat(recipients.vendorEscalation(client("en", List.of(), null, List.of())))
                .containsExactly("desk.manager@desk.example");
        assertThat(recipients.vendorEscalation(Optional.empty())).containsExactly("desk.manager@desk.example");
    }

    @Test
    void theDeskIsToldAtItsOwnAddressesAsBefore() {
        assertThat(recipients.answering("ana", SupportLevel.L1)).isEqualTo("ana@desk.example");
        assertThat(recipients.answering(null, SupportLevel.L1)).isEqualTo("lead.l1@desk.example");
    }
}
