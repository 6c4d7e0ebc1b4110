package com.ticketledger.store;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

/**
 * Points Axon's JDBC event storage engine and token store at the tables of {@code db/store} (Flyway).
 * Axon's defaults are camelCase names, which PostgreSQL would fold to lower case; ours are snake_case.
 */
@AutoConfiguration(before = JdbcAutoConfiguration.class, after = JdbcClientAutoConfiguration.class)
public class LedgerStoreAutoConfiguration {

    /** The SQLSTATE of a unique-key violation: a second append at the same (ticket, sequence). */
    static final String UNIQUE_VIOLATION = "23505";

    @Bean
    public StoredEvents storedEvents(JdbcClient jdbc, DataSource dataSource) {
        return new StoredEvents(jdbc, dataSource);
    }

    @Bean
    public LedgerBatches ledgerBatches(StoredEvents storedEvents,
            @Qualifier("eventSerializer") Serializer eventSerializer, ReadPositions readPositions) {
        return new LedgerBatches(storedEvents, eventSerializer, readPositions);
    }

    @Bean
    public AttachmentBlobs attachmentBlobs(JdbcClient jdbc) {
        return new AttachmentBlobs(jdbc);
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * The name of the {@link TransactionManager} a side may give the storage engine for its own work (reading
     * the ledger, appending to it) in place of Axon's: the query side, which only reads, reads outside any.
     */
    public static final String STORAGE_TRANSACTIONS = "eventStorageTransactions";

    /**
     * Axon's JDBC storage engine on {@link #eventSchema()}, as Axon would build it, except that a processor
     * streaming the ledger reads {@code ledger.store.read-batch-size} events per query (Axon's default, 100,
     * makes a rebuild mostly round trips), and that a command's append and its ticket's loading take one statement
     * each ({@link LedgerEventStorageEngine}). Its work runs in the transactions of {@value #STORAGE_TRANSACTIONS}
     * where a side names one, in Axon's otherwise.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
            TransactionManager axonTransactions,
            @Qualifier(STORAGE_TRANSACTIONS) ObjectProvider<TransactionManager> storageTransactions,
            EventSchema eventSchema, ReadPositions readPositions, Environment environment) {
        TransactionManager transactionManager = storageTransactions.getIfAvailable(() -> axonTransactions);
        int batchSize = environment.getProperty("ledger.store.read-batch-size", Integer.class, 1000);
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(batchSize)
                .lowestGlobalSequence(LedgerEventStorageEngine.LOWEST_GLOBAL_SEQUENCE)
                .maxGapOffset(LedgerEventStorageEngine.MAX_GAP_OFFSET)
                .gapTimeout(LedgerEventStorageEngine.GAP_TIMEOUT_MILLIS);
        builder.finalAggregateBatchPredicate(batch -> LedgerEventStorageEngine.lastBatchOfAStream(batch, batchSize));
        return new LedgerEventStorageEngine(builder, connectionProvider, transactionManager, eventSchema,
                readPositions);
    }

    /**
     * The positions of the events read lately: the last 32,768, more than a processor holds between reading an event
     * and handling it (Axon's queue of a segment holds 1,024; the event store's shared cache, 10,000).
     */
    @Bean
    public ReadPositions readPositions() {
        return new ReadPositions(32_768);
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColum("owner")
                .build();
    }

    /**
     * A concurrent append to the same ticket violates the (aggregate, sequence) key; Axon turns what this
     * recognises into a {@code ConcurrencyException} instead of a generic storage failure.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }
}
