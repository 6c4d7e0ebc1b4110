package com.ticketledger.command.api;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Axon's meters on the command side: the command bus's timers by command ({@code commandBus_*Timer_seconds} with
 * {@code payloadType}), and none for the event store. Its work runs inside the command and is timed by the command
 * bus already; its own meters, looked up by tags for every
 * message, took about 4 % of a command's CPU in the benchmark's profile. Of Axon's default set for the command bus
 * the timers and counters are kept, not its capacity gauge: it keeps an entry per command for ten minutes (at the
 * benchmark's rate most of a million objects for the collector to carry), and the timers' sum says the same. The
 * query side keeps its processors' latency, capacity and counts: what an operator watches there.
 */
@Configuration(proxyBeanMethods = false)
class CommandBusMeters {

    @Bean
    MetricsConfigurerModule commandBusMetersOnly(GlobalMetricRegistry registry) {
        MeterRegistry meters = registry.getRegistry();
        return new MetricsConfigurerModule(registry, true) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(CommandBus.class, (configuration, type, name) ->
                        new MultiMessageMonitor<>(List.of(
                                MessageTimerMonitor.buildMonitor(name, meters, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION),
                                MessageCountingMonitor.buildMonitor(name, meters,
                                        TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION))));
            }
        };
    }
}
