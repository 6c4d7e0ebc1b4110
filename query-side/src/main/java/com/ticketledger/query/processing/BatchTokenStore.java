package com.ticketledger.query.processing;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Axon's JDBC token store, whose update of a token also turns {@code synchronous_commit} off for the transaction it
 * is in: every processor's batch stores its token just before it commits, so the batch's commit does not wait for
 * its WAL to reach the disk (what a crash of the machine may take back is the batch's rows together with its token,
 * and the processor handles those events again), without a statement of its own for that: it was one per batch,
 * and a round trip on every batch's way to its commit (docs/BENCHMARKS.md, session 19). The driver sends the
 * token's UPDATE and the {@code SET LOCAL} together, and answers the UPDATE's count, which Axon checks.
 * A transaction that stores no token commits as PostgreSQL is set to: waiting for the disk.
 */
final class BatchTokenStore extends JdbcTokenStore {

    private final Serializer serializer;
    private final String nodeId;
    private final String update;

    BatchTokenStore(Builder builder, Serializer serializer, TokenSchema schema, String nodeId) {
        super(builder.serializer(serializer).schema(schema).nodeId(nodeId));
        this.serializer = serializer;
        this.nodeId = nodeId;
        this.update = "UPDATE " + schema.tokenTable() + " SET " + schema.tokenColumn() + " = ?, "
                + schema.tokenTypeColumn() + " = ?, " + schema.timestampColumn() + " = ? WHERE "
                + schema.ownerColumn() + " = ? AND " + schema.processorNameColumn() + " = ? AND "
                + schema.segmentColumn() + " = ?; SET LOCAL synchronous_commit TO off";
    }

    /** Axon's update of a claimed token, as Axon writes it, and the transaction's commit made asynchronous. */
    @Override
    protected PreparedStatement storeUpdate(Connection connection, TrackingToken token, String processorName,
            int segment) throws SQLException {
        GenericTokenEntry<byte[]> entry = new GenericTokenEntry<>(token, serializer, byte[].class, processorName,
                segment);
        SerializedObject<byte[]> serialized = entry.getSerializedToken();
        SerializedType type = entry.getTokenType();
        PreparedStatement statement = connection.prepareStatement(update, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setObject(1, serialized == null ? null : serialized.getData());
        statement.setString(2, type == null ? null : type.getName());
        statement.setString(3, entry.timestampAsString());
        statement.setString(4, nodeId);
        statement.setString(5, processorName);
        statement.setInt(6, segment);
        return statement;
    }
}
