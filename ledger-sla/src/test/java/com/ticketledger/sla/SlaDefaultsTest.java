package com.ticketledger.sla;

import com.ticketledger.events.Priority;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static com.ticketledger.sla.SlaFixtures.BUENOS_AIRES;
import static com.ticketledger.sla.SlaFixtures.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The default policy as Spring Boot binds it from {@code sla-defaults.yml}: docs/domain.md's table, each target with
 * its unit, the due instants that table gives the four priorities (docs/domain.md's examples), targets without a unit
 * refused at binding, and the defaults a calendar gets when it only names its zone.
 */
class SlaDefaultsTest {

    static SlaProperties bindDefaults() throws IOException {
        var yaml = new YamlPropertySourceLoader().load("sla-defaults", new ClassPathResource("sla-defaults.yml"));
        return new Binder(ConfigurationPropertySources.from(yaml)).bind("ledger.sla", SlaProperties.class).get();
    }

    /** sla-defaults.yml's properties, by name, as its YAML gives them. */
    static Map<String, Object> defaultsAsProperties() {
        try {
            var yaml = new YamlPropertySourceLoader().load("sla-defaults", new ClassPathResource("sla-defaults.yml"));
            Map<String, Object> properties = new HashMap<>();
            for (PropertySource<?> source : yaml) {
                EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
                for (String name : enumerable.getPropertyNames()) {
                    properties.put(name, enumerable.getProperty(name));
                }
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SlaPolicy defaultPolicy() throws IOException {
        return new SlaPolicy(bindDefaults());
    }

    @Test
    void theDefaultTargetsAreTheDesksTableWithTheirUnits() throws IOException {
        Map<Priority, SlaProperties.TargetProperties> targets = bindDefaults().priorities();
        assertThat(targets.get(Priority.CRITICAL)).isEqualTo(new SlaProperties.TargetProperties(SlaTarget.hours(2),
                null, SlaTarget.hours(8), SlaTarget.hours(1), "always"));
        assertThat(targets.get(Priority.HIGH)).as("the desk's 24 h is one business day").isEqualTo(
                new SlaProperties.TargetProperties(SlaTarget.hours(4), null, SlaTarget.days(1), SlaTarget.hours(4),
                        "business-hours"));
        assertThat(targets.get(Priority.MEDIUM)).isEqualTo(new SlaProperties.TargetProperties(SlaTarget.days(1),
                null, SlaTarget.days(5), SlaTarget.days(1), "business-hours"));
        assertThat(targets.get(Priority.LOW)).isEqualTo(new SlaProperties.TargetProperties(SlaTarget.days(4),
                null, SlaTarget.days(15), SlaTarget.days(3), "business-hours"));
        assertThat(targets).as("the tests' fixture is the shipped table").isEqualTo(SlaFixtures.domainTargets());
    }

    @Test
    void theDefaultAcceptancePeriodIsFiveBusinessDays() throws IOException {
        var yaml = new YamlPropertySourceLoader().load("sla-defaults", new ClassPathResource("sla-defaults.yml"));
        ClosureProperties closure = new Binder(ConfigurationPropertySources.from(yaml))
                .bind("ledger.closure", ClosureProperties.class).get();

        assertThat(closure.autoAcceptAfter()).isEqualTo(SlaTarget.days(5));
        assertThat(closure.describeAutoAcceptAfter()).isEqualTo("5 business days");
        assertThat(new ClosureProperties(SlaTarget.hours(1)).describeAutoAcceptAfter()).isEqualTo("1 business hour");
    }

    @Test
    void refusesAnAcceptancePeriodOfNothing() {
        assertThatThrownBy(() -> new ClosureProperties(SlaTarget.days(0)))
                .hasMessageContaining("ledger.closure.auto-accept-after must be a positive amount");
    }

    // --- docs/domain.md's table of due instants ---------------------------------------------------------------

    /** Friday 2026-11-27 at 17:00: one business hour left that day, then the weekend. */
    static final Instant FRIDAY_AT_17 = local("2026-11-27T17:00");

    @Test
    void criticalTicketOpenedFridayAt17IsDueForResponseAt19AndForResolutionAtOneInTheMorning() throws IOException {
        SlaPolicy policy = defaultPolicy();
        assertThat(policy.responseDeadlines(Priority.CRITICAL, FRIDAY_AT_17).dueAt()).isEqualTo(local("2026-11-27T19:00"));
        assertThat(policy.resolutionDeadlines(Priority.CRITICAL, FRIDAY_AT_17, Duration.ZERO).dueAt())
                .as("24x7: the night counts").isEqualTo(local("2026-11-28T01:00"));
    }

    @Test
    void highTicketOpenedFridayAt17IsDueForResponseMondayAtNoonAndForResolutionMondayAt17() throws IOException {
        SlaPolicy policy = defaultPolicy();
        assertThat(policy.responseDeadlines(Priority.HIGH, FRIDAY_AT_17).dueAt()).isEqualTo(local("2026-11-30T12:00"));
        assertThat(policy.resolutionDeadlines(Priority.HIGH, FRIDAY_AT_17, Duration.ZERO).dueAt())
                .as("one business day: the same time on the next working day").isEqualTo(local("2026-11-30T17:00"));
    }

    @Test
    void mediumTicketOpenedFridayAt17IsDueForResponseMondayAt17AndForResolutionTheNextFridayAt17()
            throws IOException {
        SlaPolicy policy = defaultPolicy();
        assertThat(policy.responseDeadlines(Priority.MEDIUM, FRIDAY_AT_17).dueAt()).isEqualTo(local("2026-11-30T17:00"));
        assertThat(policy.resolutionDeadlines(Priority.MEDIUM, FRIDAY_AT_17, Duration.ZERO).dueAt())
                .isEqualTo(local("2026-12-04T17:00"));
    }

    @Test
    void lowTicketOpenedFridayAt17IsDueForResponseThursdayAndForResolutionThreeWeeksLaterSkippingTheHoliday()
            throws IOException {
        SlaPolicy policy = defaultPolicy();
        assertThat(policy.responseDeadlines(Priority.LOW, FRIDAY_AT_17).dueAt()).isEqualTo(local("2026-12-03T17:00"));
        assertThat(policy.resolutionDeadlines(Priority.LOW, FRIDAY_AT_17, Duration.ZERO).dueAt())
                .as("15 working days; Tuesday 8 December is a holiday").isEqualTo(local("2026-12-21T17:00"));
    }

    /** Tuesday 2026-12-08 at 10:00, a national holiday: the business-hours clocks start on Wednesday at 09:00. */
    static final Instant HOLIDAY_AT_10 = local("2026-12-08T10:00");

    @Test
    void criticalTicketOpenedOnAHolidayCountsTheHoliday() throws IOException {
        SlaPolicy policy = defaultPolicy();
        assertThat(policy.responseDeadlines(Priority.CRITICAL, HOLIDAY_AT_10).dueAt()).isEqualTo(local("2026-12-08T12:00"));
        assertThat(policy.resolutionDeadlines(Priority.CRITICAL, HOLIDAY_AT_10, Duration.ZERO).dueAt())
                .isEqualTo(local("2026-12-08T18:00"));
    }

    @Test
    void highTicketOpenedOnAHolidayIsDueWednesdayAt13AndAtWednesdaysClosing() throws IOException {
        SlaPolicy policy = defaultPolicy();
        assertThat(policy.responseDeadlines(Priority.HIGH, HOLIDAY_AT_10).dueAt()).isEqualTo(local("2026-12-09T13:00"));
        assertThat(policy.resolutionDeadlines(Priority.HIGH, HOLIDAY_AT_10, Duration.ZERO).dueAt())
                .as("a whole business day from the next opening fills it").isEqualTo(local("2026-12-09T18:00"));
    }

    @Test
    void mediumTicketOpenedOnAHolidayIsDueAtTheClosingOfItsFirstAndFifthWorkingDays() throws IOException {
        SlaPolicy policy = defaultPolicy();
        assertThat(policy.responseDeadlines(Priority.MEDIUM, HOLIDAY_AT_10).dueAt()).isEqualTo(local("2026-12-09T18:00"));
        assertThat(policy.resolutionDeadlines(Priority.MEDIUM, HOLIDAY_AT_10, Duration.ZERO).dueAt())
                .isEqualTo(local("2026-12-15T18:00"));
    }

    @Test
    void lowTicketOpenedOnAHolidayIsDueAtTheClosingOfItsFourthAndFifteenthWorkingDays() throws IOException {
        SlaPolicy policy = defaultPolicy();
        assertThat(policy.responseDeadlines(Priority.LOW, HOLIDAY_AT_10).dueAt()).isEqualTo(local("2026-12-14T18:00"));
        assertThat(policy.resolutionDeadlines(Priority.LOW, HOLIDAY_AT_10, Duration.ZERO).dueAt())
                .as("Christmas Friday does not count").isEqualTo(local("2026-12-30T18:00"));
    }

    // --- Targets are written with their unit -----------------------------------------------------------------

    @Test
    void aTargetWithoutItsUnitFailsTheBindingNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("ledger.sla.priorities.HIGH.resolution", "24")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("ledger.sla.priorities.high.resolution")
                .rootCause().hasMessageContaining("a whole number with its unit").hasMessageContaining("'24'");
    }

    @Test
    void aTargetInAnUnknownUnitFailsTheBinding() {
        for (String written : new String[] {"2w", "PT24H", "1.5d", "-4h", "h", ""}) {
            assertThatThrownBy(() -> bind(Map.of("ledger.sla.priorities.HIGH.response", written)))
                    .as(written).isInstanceOf(BindException.class)
                    .rootCause().hasMessageContaining("a whole number with its unit");
        }
    }

    @Test
    void targetsBindWithTheirUnitsOutOfHoursResponseIncluded() {
        SlaProperties.TargetProperties high = bind(Map.of("ledger.sla.priorities.HIGH.response", "4h",
                "ledger.sla.priorities.HIGH.out-of-hours-response", "1d", "ledger.sla.priorities.HIGH.resolution", "30m",
                "ledger.sla.priorities.HIGH.calendar", "always", "ledger.sla.priorities.HIGH.update", "2h"))
                .priorities().get(Priority.HIGH);
        assertThat(high).isEqualTo(new SlaProperties.TargetProperties(SlaTarget.hours(4), SlaTarget.days(1),
                new SlaTarget(30, SlaTarget.Unit.MINUTES), SlaTarget.hours(2), "always"));
    }

    private static SlaProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bind("ledger.sla", SlaProperties.class).get();
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
