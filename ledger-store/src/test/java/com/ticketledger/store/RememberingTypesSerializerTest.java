package com.ticketledger.store;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The event serializer that remembers the classes of the type names it reads: the same answers as Axon's. */
class RememberingTypesSerializerTest {

    final RememberingTypesSerializer serializer = RememberingTypesSerializer.of(JacksonSerializer.builder());

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
    void aNameOfNoClassStaysUnknown() {
        SimpleSerializedType missing = new SimpleSerializedType("com.ticketledger.events.NoSuchEvent", null);

        assertThat(serializer.classForType(missing)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(missing)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(new SimpleSerializedType(String.class.getName(), null)))
                .isEqualTo(String.class);
    }
}
