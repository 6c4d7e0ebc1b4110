package com.ticketledger.sla;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;

/**
 * The SLA policy of {@code ledger.sla.*}, for whichever side reads the clock: the query side for every SLA figure,
 * the command side for the instants it stamps on events.
 */
@AutoConfiguration
@EnableConfigurationProperties({SlaProperties.class, ClosureProperties.class})
public class SlaConfiguration {

    /** Built once at start: a policy that does not add up stops the query side with a clear message. */
    @Bean
    SlaPolicy slaPolicy(SlaProperties properties, ClosureProperties closure) {
        return new SlaPolicy(properties, closure.autoAcceptAfter(), SlaPolicy.DEFAULT_REOPEN_WINDOW);
    }

    /**
     * A target written as a bare number in YAML ({@code resolution: 24}) arrives as a number, not as text: it is
     * refused with the same message as {@code "24"}, rather than with Spring's "no converter found".
     */
    @Bean
    @ConfigurationPropertiesBinding
    static Converter<Number, SlaTarget> slaTargetWithoutUnit() {
        return number -> SlaTarget.valueOf(String.valueOf(number));
    }
}
