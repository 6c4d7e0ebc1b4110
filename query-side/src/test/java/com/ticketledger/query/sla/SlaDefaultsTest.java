package com.ticketledger.query.sla;

import com.ticketledger.events.Priority;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static com.ticketledger.query.sla.SlaFixtures.BUENOS_AIRES;
import static com.ticketledger.query.sla.SlaFixtures.local;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default policy as Spring Boot binds it from {@code sla-defaults.yml}: docs/domain.md's table with days written as
 * 9-hour business days, and the defaults a calendar gets when it only names its zone.
 */
class SlaDefaultsTest {

    static SlaProperties bindDefaults() throws IOException {
        var yaml = new YamlPropertySourceLoader().load("sla-defaults", new ClassPathResource("sla-defaults.yml"));
        return new Binder(ConfigurationPropertySources.from(yaml)).bind("ledger.sla", SlaProperties.class).get();
    }

    @Test
    void theDefaultTargetsAreDomainTableInOpenHours() throws IOException {
        Map<Priority, SlaProperties.TargetProperties> targets = bindDefaults().priorities();
        assertThat(targets.get(Priority.CRITICAL)).isEqualTo(new SlaProperties.TargetProperties(Duration.ofHours(2),
                null, Duration.ofHours(8), "always"));
        assertThat(targets.get(Priority.HIGH)).isEqualTo(new SlaProperties.TargetProperties(Duration.ofHours(4),
                null, Duration.ofHours(24), "business-hours"));
        assertThat(targets.get(Priority.MEDIUM)).as("5 days of 9 h").isEqualTo(new SlaProperties.TargetProperties(
                Duration.ofHours(24), null, Duration.ofHours(5 * 9), "business-hours"));
        assertThat(targets.get(Priority.LOW)).as("4 and 15 days of 9 h").isEqualTo(new SlaProperties.TargetProperties(
                Duration.ofHours(4 * 9), null, Duration.ofHours(15 * 9), "business-hours"));
    }

    @Test
    void theDefaultBusinessHoursAreMondayToFridayNineToSixInBuenosAires() throws IOException {
        SlaProperties defaults = bindDefaults();
        SlaProperties.CalendarProperties office = defaults.calendars().get(defaults.officeCalendar());
        assertThat(office.zone()).isEqualTo(BUENOS_AIRES);
        assertThat(office.twentyFourSeven()).isFalse();
        assertThat(office.days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(office.opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(office.closes()).isEqualTo(LocalTime.of(18, 0));
        assertThat(office.holidays()).contains(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 3, 24));
        assertThat(defaults.calendars().get("always").twentyFourSeven()).isTrue();
    }

    @Test
    void theDefaultPolicyAddsUpAndDuesAHighTicketOpenedFridayAt17OnMondayAtNoon() throws IOException {
        SlaPolicy policy = new SlaPolicy(bindDefaults());
        assertThat(policy.responseDeadlines(Priority.HIGH, local("2026-11-27T17:00")).dueAt())
                .isEqualTo(local("2026-11-30T12:00"));
        assertThat(policy.responseDeadlines(Priority.HIGH, local("2026-12-24T17:00")).dueAt())
                .as("Christmas is one of the default holidays").isEqualTo(local("2026-12-28T12:00"));
    }

    @Test
    void aCalendarThatOnlyNamesItsZoneGetsDomainWeekAndNoHolidays() {
        var source = new MapConfigurationPropertySource(Map.of("ledger.sla.calendars.madrid.zone", "Europe/Madrid"));
        SlaProperties bound = new Binder(source).bind("ledger.sla", SlaProperties.class).get();
        assertThat(bound.officeCalendar()).isEqualTo("business-hours");
        assertThat(bound.calendars().get("madrid")).isEqualTo(new SlaProperties.CalendarProperties(
                ZoneId.of("Europe/Madrid"), false, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of()));
    }
}
