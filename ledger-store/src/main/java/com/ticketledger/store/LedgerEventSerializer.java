package com.ticketledger.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's {@link JacksonSerializer} without two costs of reading the ledger's events that are not the reading itself.
 * Every event read is handed to it twice, its payload and its metadata; a profiled benchmark found:
 * <ul>
 *   <li>The class of a type name was looked up by name ({@code Class.forName}) each time: 4 % of the query side's
 *       CPU. This one remembers the class of each name it met. The ledger's events name a few dozen types; a name
 *       that names no class is looked up again each time and not kept, so only real classes fill the map.</li>
 *   <li>Axon's metadata deserializer asks Jackson for a map type and that type's deserializer (contextualised
 *       anew) at every call, two thirds of its time. This one reads the metadata's fields itself: a string as a
 *       string (every value the ledger writes), anything else as Jackson reads an untyped value, which is what
 *       Axon's gave.</li>
 *   <li>Axon asks Jackson for a reader of the class at every call, which resolves the class's type again: 3 % of a
 *       rebuild's workers (session 16). A reader is immutable; this one keeps one per class.</li>
 * </ul>
 */
@SuppressWarnings("rawtypes")
public final class LedgerEventSerializer extends JacksonSerializer {

    private final Map<SerializedType, Class> classes = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    private LedgerEventSerializer(Builder builder) {
        super(builder);
        // after Axon's own module: the deserializer registered last is the one Jackson asks first
        getObjectMapper().registerModule(new SimpleModule("ledger-metadata")
                .addDeserializer(MetaData.class, new MetaDataReader()));
    }

    /** The serializer {@code builder} would build, with the two changes above. */
    public static LedgerEventSerializer of(Builder builder) {
        return new LedgerEventSerializer(builder);
    }

    @Override
    public Class classForType(SerializedType type) {
        Class known = classes.get(type);
        if (known != null) {
            return known;
        }
        Class found = super.classForType(type);
        if (found != UnknownSerializedType.class) {
            classes.put(type, found);
        }
        return found;
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        ObjectReader known = readers.get(type);
        return known != null ? known : readers.computeIfAbsent(type, super::getReader);
    }

    /** Metadata, an object of named values, read field by field. */
    private static final class MetaDataReader extends StdDeserializer<MetaData> {

        MetaDataReader() {
            super(MetaData.class);
        }

        @Override
        public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                token = parser.nextToken();
            }
            if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
                return (MetaData) context.handleUnexpectedToken(MetaData.class, parser);
            }
            Map<String, Object> values = new HashMap<>();
            for (; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                values.put(name, value == JsonToken.VALUE_STRING ? parser.getText()
                        : context.readValue(parser, Object.class));
            }
            return MetaData.from(values);
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context,
                TypeDeserializer typeDeserializer) throws IOException {
            return typeDeserializer.deserializeTypedFromObject(parser, context);
        }
    }
}
