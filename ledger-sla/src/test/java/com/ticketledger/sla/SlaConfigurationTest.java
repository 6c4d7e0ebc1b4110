package com.ticketledger.sla;

import com.ticketledger.events.Priority;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy as the query side builds it at start, from its YAML: a target without its unit stops the start. */
class SlaConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SlaProperties.class)
    static class Policy {
    }

    final ApplicationContextRunner start = new ApplicationContextRunner()
            .withUserConfiguration(Policy.class, SlaConfiguration.class)
            .withInitializer(context -> context.getEnvironment().getPropertySources().addLast(
                    new MapPropertySource("sla-defaults", SlaDefaultsTest.defaultsAsProperties())));

    @Test
    void theDefaultPolicyStarts() {
        start.run(context -> assertThat(context).hasNotFailed().hasSingleBean(SlaPolicy.class));
    }

    @Test
    void aTargetWrittenInYamlAsABareNumberStopsTheStartSayingItNeedsItsUnit() {
        // What YAML's "resolution: 24" binds from: a number, not text.
        start.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
                        "deployment", Map.of("ledger.sla.priorities.HIGH.resolution", 24))))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("ledger.sla.priorities.high.resolution")
                        .rootCause().hasMessageContaining("a whole number with its unit").hasMessageContaining("'24'"));
    }

    @Test
    void aTargetInAnUnknownUnitStopsTheStart() {
        start.withPropertyValues("ledger.sla.priorities.LOW.resolution=3w")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("not '3w'"));
    }

    @Test
    void aTargetOverriddenWithItsUnitIsBound() {
        start.withPropertyValues("ledger.sla.priorities.CRITICAL.response=20s")
                .run(context -> assertThat(context.getBean(SlaProperties.class).priorities()
                        .get(Priority.CRITICAL).response())
                        .isEqualTo(new SlaTarget(20, SlaTarget.Unit.SECONDS)));
    }

    @Test
    void anUpdateTargetWithoutItsUnitStopsTheStart() {
        start.withPropertyValues("ledger.sla.priorities.HIGH.update=4")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("ledger.sla.priorities.high.update")
                        .rootCause().hasMessageContaining("a whole number with its unit"));
    }

    @Test
    void anUpdateTargetOverriddenWithItsUnitIsBound() {
        start.withPropertyValues("ledger.sla.priorities.LOW.update=2d")
                .run(context -> assertThat(context.getBean(SlaProperties.class).priorities()
                        .get(Priority.LOW).update()).isEqualTo(SlaTarget.days(2)));
    }
}
