package com.ticketledger.query.notification;

import com.ticketledger.sla.SlaProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The messages' words in both languages, their link, and a title that is not allowed to become HTML. */
class MessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates(
            new Binder(new MapConfigurationPropertySource(Map.of("ledger.notifications.page-base-url",
                    "https://desk.example/"))).bindOrCreate("ledger.notifications", NotificationProperties.class),
            new SlaProperties("business-hours", Map.of("business-hours", new SlaProperties.CalendarProperties(
                    ZoneId.of("America/Argentina/Buenos_Aires"), false, Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0),
                    LocalTime.of(18, 0), Set.of())), Map.of()));

    private static Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("number", "TCK-000042");
        facts.put("title", "VPN <b>down</b> & out");
        facts.put("status", "PENDING_CLOSURE");
        facts.put("level", "L1");
        facts.put("autoAcceptAt", "2026-12-07T15:00:00Z");
        return facts;
    }

    @Test
    void theReporterReadsSpanishWithTheTimeInTheDesksZone() {
        MessageTemplates.Message message = templates.render(NotificationKind.ACCEPTANCE_REQUESTED, "es-AR", facts());
        assertThat(message.subject()).isEqualTo("[TCK-000042] Acepte la resolución: VPN <b>down</b> & out");
        assertThat(message.text()).contains("Su ticket TCK-000042 fue resuelto")
                .contains("se aceptará el 07/12/2026 12:00 (America/Argentina/Buenos_Aires)")
                .contains("Estado: pendiente de su aceptación")
                .contains("Ver en: https://desk.example/client.html?ticket=TCK-000042");
    }

    @Test
    void theSameInEnglish() {
        MessageTemplates.Message message = templates.render(NotificationKind.ACCEPTANCE_REQUESTED, "en", facts());
        assertThat(message.subject()).isEqualTo("[TCK-000042] Please accept the resolution: VPN <b>down</b> & out");
        assertThat(message.text()).contains("will be accepted on 2026-12-07 12:00").contains("Status: pending your acceptance");
    }

    @Test
    void theHtmlBodyEscapesTheTitleAndLinksToThePage() {
        MessageTemplates.Message message = templates.render(NotificationKind.ACCEPTANCE_REQUESTED, "en", facts());
        assertThat(message.html()).contains("VPN &lt;b&gt;down&lt;/b&gt; &amp; out").doesNotContain("<b>down")
                .contains("<a href=\"https://desk.example/client.html?ticket=TCK-000042\">")
                .startsWith("<!DOCTYPE html><html lang=\"en\">");
    }

    @Test
    void theDeskIsLinkedToTheEngineerBoardAndToldWhichTimer() {
        Map<String, Object> facts = facts();
        facts.put("status", "ASSIGNED");
        facts.put("timer", "RESOLUTION");
        facts.put("dueAt", "2026-12-07T21:00:00Z");
        MessageTemplates.Message message = templates.render(NotificationKind.SLA_BREACHED, "es-AR", facts);
        assertThat(message.subject()).isEqualTo("[TCK-000042] SLA vencido (resolución): VPN <b>down</b> & out");
        assertThat(message.text()).contains("vencía el 07/12/2026 18:00")
                .contains("https://desk.example/engineer.html?ticket=TCK-000042");
    }
}
