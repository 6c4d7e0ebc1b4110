package com.ticketledger.query.processing;

import com.ticketledger.store.LedgerFetches;
import com.ticketledger.store.LedgerStoreAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    /**
     * Axon's transactions on the query side: every processor's batch with its token (and its dead letters). A batch's
     * commit does not wait for the disk: its token's update turns {@code synchronous_commit} off for it
     * ({@link BatchTokenStore}); the command side's appends, which nothing could make again, wait for the disk.
     */
    @Bean
    @Primary
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    /**
     * The event storage engine's own work on this side, outside any transaction: this side only reads the ledger,
     * each of the engine's queries is one statement, and every stream's fetch in a transaction of the manager above
     * cost a BEGIN, a set_config and a COMMIT around its SELECT, on the way from an append to the projections.
     */
    @Bean(LedgerStoreAutoConfiguration.STORAGE_TRANSACTIONS)
    TransactionManager eventStorageTransactions() {
        return NoTransactionManager.INSTANCE;
    }

    /**
     * The token store in PostgreSQL, beside the projections: a batch's projection rows and its token commit in
     * one transaction, which the token's update makes asynchronous ({@link BatchTokenStore}). Several query-side
     * instances share the segments through it; each signs its claims with its own node id.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema schema,
            ProcessingProperties properties) {
        return new BatchTokenStore(JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .claimTimeout(properties.claimTimeout()), serializer, schema, properties.nodeIdOrDefault());
    }

    /**
     * Axon's event store over the ledger, each processor reading it through a stream of its own
     * ({@link WatchedEventSource} asks it for new events every {@code ledger.processing.fetch-delay}).
     *
     * <p>Not through the store's shared cache of the newest events ({@code optimizeEventConsumption}, on by
     * default), which one thread fills as fast as the database gives events while any processor is at the head: a
     * stream that fell behind it can keep a reference into the cache, and then everything the thread read since
     * stays in memory (Axon's issue #2954). Run G (docs/BENCHMARKS.md, session 16) met it: while the processors
     * caught up with 4 M events loaded at once, 3.9 M of them were held in that cache, the query side's 6 GB heap
     * filled, and it spent its time in full collections. Each stream now reads and decodes its own copy of each
     * event.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
            ProcessingProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.fetchDelay().toMillis())
                .optimizeEventConsumption(false)
                .build();
    }

    /**
     * A segment with nothing to handle for a while stores its token at least this often, so that readers on
     * other instances waiting for a position (read-your-writes) see it pass within the wait.
     */
    @Bean
    ConfigurerModule pooledProcessorClaims(ProcessingProperties properties) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.claimExtensionThreshold(properties.claimExtension().toMillis()));
    }

    /**
     * The ledger as every projection reads it: through streams that call their processor back when an event
     * arrives, and read it a fetch at a time (the ledger's storage engine is a {@link LedgerFetches}).
     */
    @Bean
    WatchedEventSource ledgerStream(EventStore eventStore, EventStorageEngine storageEngine,
            ProcessingProperties properties) {
        if (!(storageEngine instanceof LedgerFetches fetches)) {
            throw new IllegalStateException("the query side reads the ledger's own storage engine, not "
                    + storageEngine.getClass().getName());
        }
        return new WatchedEventSource(eventStore, fetches, properties.fetchDelay());
    }

    /**
     * Each projection's processor reads the ledger through {@link #ledgerStream} under its own name, so that a read
     * waiting for it can have its stream read at once ({@code ReadYourWrites}). Set here, not as a {@code source} in
     * application.yml: that names one bean for every processor, and without it Spring Boot gives a processor the
     * plain event store (which it polls every half second); Axon applies this to the processor's builder after that.
     */
    @Bean
    ConfigurerModule namedLedgerStreams(ObjectProvider<WatchedEventSource> ledgerStream) {
        return configurer -> ProcessingGroups.ALL.forEach(group -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration(group,
                        (configuration, builder) -> builder.messageSource(ledgerStream.getObject().of(group))));
    }

    /**
     * The dead-letter queue's table in the query side's snake_case (migration V20261203_60); Axon's
     * auto-configuration builds each processor's JDBC queue with it where {@code dlq.enabled} says so.
     */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * Each projection's dead-letter handling: a reset of its tokens in place (tests do it; a rebuild fills copies
     * instead, with a queue of its own: ShadowRebuilds) empties its queue, since the replay meets every parked
     * event again in order (Axon keeps the queue across a reset unless told); and the
     * identifiers of the tickets in the queue are cached, so that an event is not looked up in the queue's
     * table while the ticket has no dead letter.
     */
    @Bean
    ConfigurerModule deadLettering() {
        return configurer -> ProcessingGroups.ALL.forEach(group -> configurer.eventProcessing()
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (configuration, builder) -> builder.allowReset(true).enableSequenceIdentifierCache()));
    }

    /**
     * Every projection handles each event with its correlation id in the logging context, answers with one shared
     * result ({@link HandledResult}), has its batches measured ({@link BatchTimings}), and wakes the reads waiting
     * for it as each batch ends ({@link BatchEnds}).
     */
    @Bean
    ConfigurerModule projectionInterceptors(MeterRegistry registry, BatchEnds batchEnds) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> new EventCorrelation(processor))
                .registerDefaultHandlerInterceptor((configuration, processor) -> new HandledResult())
                .registerDefaultHandlerInterceptor((configuration, processor) -> new BatchTimings(processor, registry))
                .registerDefaultHandlerInterceptor((configuration, processor) -> batchEnds.interceptor(processor));
    }

    /** The same source for any processor registered without properties (looked up late: it needs Axon's store). */
    @Bean
    ConfigurerModule watchedLedger(ObjectProvider<WatchedEventSource> ledgerStream) {
        return configurer -> configurer.eventProcessing()
                .configureDefaultStreamableMessageSource(configuration -> ledgerStream.getObject());
    }
}
