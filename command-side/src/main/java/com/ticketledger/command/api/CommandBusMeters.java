package com.ticketledger.command.api;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's meters on the command side: the command bus's timers by command ({@code commandBus_*Timer_seconds} with
 * {@code payloadType}), and none for the event store. Its work runs inside the command and is timed by the command
 * bus already; its own meters, looked up by tags for every
 * message, took about 4 % of a command's CPU in the benchmark's profile. The query side keeps Axon's full set: its
 * processors' latency, capacity and counts are what an operator watches there.
 */
@Configuration(proxyBeanMethods = false)
class CommandBusMeters {

    @Bean
    MetricsConfigurerModule commandBusMetersOnly(GlobalMetricRegistry registry) {
        return new MetricsConfigurerModule(registry, true) {
            @Override
            @SuppressWarnings("unchecked")
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(CommandBus.class, (configuration, type, name) ->
                        (MessageMonitor<Message<?>>) registry.registerComponentWithDefaultTags(type, name));
            }
        };
    }
}
