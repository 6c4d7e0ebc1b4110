package com.ticketledger.store;

import com.ticketledger.embeddeddb.EmbeddedDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/** The ledger's storage engine over the tests' PostgreSQL, its event table migrated, outside any transaction. */
final class TestStorageEngines {

    private TestStorageEngines() {
    }

    /** An engine that reads the ledger's stream {@code batchSize} positions at a time. */
    static LedgerEventStorageEngine withBatchSize(int batchSize) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(EmbeddedDatabase.forTests().jdbcUrl());
        dataSource.setUser(EmbeddedDatabase.USER);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/store").load().migrate();
        EventSchema schema = new LedgerStoreAutoConfiguration().eventSchema();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(schema)
                .batchSize(batchSize);
        return new LedgerEventStorageEngine(builder, dataSource::getConnection, NoTransactionManager.INSTANCE,
                schema, new ReadPositions(1_000));
    }
}
