package com.ticketledger.store;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger's event serializer: the same answers as Axon's, with the classes remembered and the metadata read straight. */
class LedgerEventSerializerTest {

    final LedgerEventSerializer serializer = LedgerEventSerializer.of(JacksonSerializer.builder());

    @Test
    void readsWhatItWroteAgainAndAgain() {
        SerializedObject<byte[]> stored = serializer.serialize(MetaData.from(Map.of("role", "ENGINEER")), byte[].class);

        for (int read = 0; read < 3; read++) {
            MetaData metaData = serializer.deserialize(stored);
            assertThat(metaData).containsEntry("role", "ENGINEER");
        }
        assertThat(serializer.classForType(stored.getType())).isEqualTo(MetaData.class);
    }

    @Test
    void keepsOneReaderPerClassAndReadsWithIt() {
        assertThat(serializer.getReader(MetaData.class)).isSameAs(serializer.getReader(MetaData.class))
                .isNotSameAs(serializer.getReader(Map.class));
        SerializedObject<byte[]> stored = serializer.serialize(MetaData.from(Map.of("user", "ana")), byte[].class);

        // read after the reader was kept: the ledger's own metadata reader is still the one in it
        assertThat((MetaData) serializer.deserialize(stored)).isEqualTo(MetaData.from(Map.of("user", "ana")));
    }

    @Test
    void readsMetaDataOfEveryShapeAsAxonDoes() {
        Map<String, Object> values = new HashMap<>();
        values.put("user", "ana");
        values.put("role", "ENGINEER");
        values.put("accents", "Peña ñandú \"quoted\"");
        values.put("small", 42);
        values.put("large", 1L << 40);
        values.put("fraction", 1.5);
        values.put("flag", true);
        values.put("nothing", null);
        values.put("nested", Map.of("level", "L2", "count", 3));
        values.put("list", List.of("a", 2, false));
        JacksonSerializer axon = JacksonSerializer.builder().build();
        SerializedObject<byte[]> stored = axon.serialize(MetaData.from(values), byte[].class);

        MetaData ours = serializer.deserialize(stored);

        assertThat(ours).isEqualTo((MetaData) axon.deserialize(stored));
        assertThat(ours).containsEntry("accents", "Peña ñandú \"quoted\"").containsEntry("nothing", null)
                .containsEntry("large", 1L << 40);
        MetaData none = serializer.deserialize(axon.serialize(MetaData.emptyInstance(), byte[].class));
        assertThat(none).isEmpty();
    }

    @Test
    void refusesMetaDataThatIsNotAnObject() {
        SerializedObject<byte[]> array = new SimpleSerializedObject<>("[\"user\"]".getBytes(StandardCharsets.UTF_8),
                byte[].class, MetaData.class.getName(), null);

        assertThatThrownBy(() -> serializer.deserialize(array)).isInstanceOf(SerializationException.class);
    }

    @Test
    void aNameOfNoClassStaysUnknown() {
        SimpleSerializedType missing = new SimpleSerializedType("com.ticketledger.events.NoSuchEvent", null);

        assertThat(serializer.classForType(missing)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(missing)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(new SimpleSerializedType(String.class.getName(), null)))
                .isEqualTo(String.class);
    }
}
