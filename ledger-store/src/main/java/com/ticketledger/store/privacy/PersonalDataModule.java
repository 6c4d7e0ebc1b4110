package com.ticketledger.store.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.ticketledger.events.DataSubject;
import com.ticketledger.events.PersonalData;

import java.io.IOException;
import java.util.List;

/**
 * The event serializer's handling of {@link PersonalData}: each marked value of a {@link DataSubject} record is
 * written as {@code {"subject": "<subject ref>", "ciphertext": "<base64 nonce|ciphertext|tag>"}}, encrypted under
 * the subject's key ({@link PersonalDataCipher}), and read back to the clear value, or to
 * {@value PersonalData#ERASED} when the key is gone. A marked value stored as plain text (events written before
 * personal data was encrypted, or with {@code ledger.privacy.encryption} off) reads as it is, unless its subject
 * was erased since: then it too reads as {@value PersonalData#ERASED}.
 *
 * <p>Registered only on the ObjectMapper of Axon's event serializer, never on the web's: an answer of the API
 * shows the clear (or erased) values that the events decoded to.
 */
public class PersonalDataModule extends SimpleModule {

    /** Set while a {@link DataSubject} record is read, when one of its marked values was plain text. */
    private static final String PLAIN_SEEN = PersonalDataModule.class.getName() + ".plain";

    public PersonalDataModule(PersonalDataCipher cipher, boolean encrypt) {
        super("ledger-personal-data");
        addDeserializer(String.class, new PersonalValueDeserializer(cipher, null));
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                    List<BeanPropertyWriter> writers) {
                if (!encrypt || !DataSubject.class.isAssignableFrom(description.getBeanClass())) {
                    return writers;
                }
                return writers.stream()
                        .map(w -> w.getAnnotation(PersonalData.class) == null ? w : new EncryptingWriter(w, cipher))
                        .toList();
            }
        });
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return DataSubject.class.isAssignableFrom(description.getBeanClass())
                        ? new ErasingDeserializer(deserializer, cipher) : deserializer;
            }
        });
    }

    /** Writes a marked value encrypted under the key of the subject its record names. */
    private static final class EncryptingWriter extends BeanPropertyWriter {

        private final transient PersonalDataCipher cipher;

        EncryptingWriter(BeanPropertyWriter base, PersonalDataCipher cipher) {
            super(base);
            this.cipher = cipher;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
            Object value = get(bean);
            String subject = ((DataSubject) bean).dataSubject();
            if (value == null || subject == null || PersonalData.ERASED.equals(value)) {
                super.serializeAsField(bean, gen, prov);
                return;
            }
            PersonalDataCipher.Sealed sealed = cipher.seal(subject, getName(), value.toString());
            gen.writeFieldName(getName());
            gen.writeStartObject();
            gen.writeStringField("subject", sealed.subjectRef());
            gen.writeStringField("ciphertext", sealed.ciphertext());
            gen.writeEndObject();
        }
    }

    /** Reads a marked value: an encrypted one to its clear text (or erased), a plain one as it is. */
    private static final class PersonalValueDeserializer extends StdDeserializer<String>
            implements ContextualDeserializer {

        private final transient PersonalDataCipher cipher;
        private final String field;

        PersonalValueDeserializer(PersonalDataCipher cipher, String field) {
            super(String.class);
            this.cipher = cipher;
            this.field = field;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return property != null && property.getAnnotation(PersonalData.class) != null
                    ? new PersonalValueDeserializer(cipher, property.getName()) : StringDeserializer.instance;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (field == null || p.currentToken() != JsonToken.START_OBJECT) {
                String plain = StringDeserializer.instance.deserialize(p, ctxt);
                if (field != null && plain != null) {
                    ctxt.setAttribute(PLAIN_SEEN, Boolean.TRUE);
                }
                return plain;
            }
            JsonNode envelope = ctxt.readTree(p);
            JsonNode subject = envelope.get("subject");
            JsonNode ciphertext = envelope.get("ciphertext");
            if (subject == null || ciphertext == null || !subject.isTextual() || !ciphertext.isTextual()) {
                return (String) ctxt.handleUnexpectedToken(String.class, JsonToken.START_OBJECT, p,
                        "a personal value is a string or {subject, ciphertext}");
            }
            return cipher.open(subject.asText(), field, ciphertext.asText());
        }
    }

    /**
     * Reads a {@link DataSubject} record and, when a marked value of it was plain text and its subject has been
     * erased since, gives it with every marked value {@value PersonalData#ERASED}.
     */
    private static final class ErasingDeserializer extends DelegatingDeserializer {

        private final transient PersonalDataCipher cipher;

        ErasingDeserializer(JsonDeserializer<?> delegate, PersonalDataCipher cipher) {
            super(delegate);
            this.cipher = cipher;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new ErasingDeserializer(newDelegatee, cipher);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object outer = ctxt.getAttribute(PLAIN_SEEN);
            ctxt.setAttribute(PLAIN_SEEN, Boolean.FALSE);
            try {
                Object value = super.deserialize(p, ctxt);
                return Boolean.TRUE.equals(ctxt.getAttribute(PLAIN_SEEN)) ? cipher.unlessErased(value) : value;
            } finally {
                ctxt.setAttribute(PLAIN_SEEN, outer);
            }
        }
    }
}
