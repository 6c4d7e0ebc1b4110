package com.ticketledger.query.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Axon's meters of the query side's processors, as Axon names and tags them: {@code eventProcessor_latency} and
 * {@code eventProcessor_capacity} by {@code processorName}, {@code eventProcessor_*Counter} by processor and event
 * type. Axon's default adds a timer with percentiles per processor and event type; every processor reports every
 * event of the ledger to its monitors (the ones it ignores too), so that timer's histogram was the largest part of
 * the monitors' cost (the benchmark's profile) for a figure nobody graphs: a projection's handling time shows in its
 * capacity and its lag. The capacity is this project's {@link ProcessorCapacity}, over the last minute, in place of
 * Axon's (which kept an entry per event for ten minutes).
 */
@Configuration(proxyBeanMethods = false)
class ProcessorMeters {

    private static final String PREFIX = "eventProcessor";

    private final Map<String, ProcessorCapacity> capacities = new ConcurrentHashMap<>();

    @Bean
    MetricsConfigurerModule processorMetersWithoutTimers(GlobalMetricRegistry global) {
        MeterRegistry registry = global.getRegistry();
        return new MetricsConfigurerModule(global, true) {
            @Override
            @SuppressWarnings("unchecked")
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(EventProcessor.class, (configuration, type, name) -> {
                    Function<Message<?>, Iterable<Tag>> byType = message -> Tags.of(
                            "payloadType", message.getPayloadType().getSimpleName(), "processorName", name);
                    List<MessageMonitor<? super EventMessage<?>>> monitors = List.of(
                            EventProcessorLatencyMonitor.builder().meterNamePrefix(PREFIX).meterRegistry(registry)
                                    .tagsBuilder(message -> Tags.of("processorName", name)).build(),
                            capacity(registry, name),
                            MessageCountingMonitor.buildMonitor(PREFIX, registry, byType));
                    return (MessageMonitor<Message<?>>) (MessageMonitor<?>) new MultiMessageMonitor<>(monitors);
                });
            }
        };
    }

    /** One per processor name, however often its monitor is asked for: its gauge reads the first one made. */
    private ProcessorCapacity capacity(MeterRegistry registry, String processor) {
        return capacities.computeIfAbsent(processor, name -> {
            ProcessorCapacity capacity = new ProcessorCapacity();
            Gauge.builder(PREFIX + ".capacity", capacity, ProcessorCapacity::capacity)
                    .description("the share of the last minute the processor's events were in hand")
                    .tag("processorName", name).register(registry);
            return capacity;
        });
    }
}
