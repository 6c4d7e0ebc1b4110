package com.ticketledger.store.privacy;

import com.ticketledger.events.DataSubject;
import com.ticketledger.events.PersonalData;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Encrypts one personal value under its subject's key, AES-256-GCM with the subject's reference and the field's
 * name as associated data, and decrypts it again; what the key's deletion leaves is {@value PersonalData#ERASED}.
 */
public class PersonalDataCipher {

    /** Reads a stored record's plain values only to learn whose they are. */
    private static final ObjectMapper PLAIN = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final SubjectKeys keys;
    private final SubjectRefs refs;
    private final ErasedSubjects erased;

    public PersonalDataCipher(SubjectKeys keys, SubjectRefs refs, ErasedSubjects erased) {
        this.keys = keys;
        this.refs = refs;
        this.erased = erased;
    }

    /** A value as the ledger stores it: whose it is, and the base64 of nonce | ciphertext | tag. */
    public record Sealed(String subjectRef, String ciphertext) {
    }

    /** Encrypts {@code value} of {@code field} under the key of the normalised {@code subject}, created if new. */
    public Sealed seal(String subject, String field, String value) {
        String ref = refs.of(subject);
        byte[] sealed = AesGcm.seal(keys.findOrCreate(ref), value.getBytes(StandardCharsets.UTF_8),
                associatedData(ref, field));
        return new Sealed(ref, Base64.getEncoder().encodeToString(sealed));
    }

    /**
     * The clear value, or {@value PersonalData#ERASED} when the subject's key is gone (erased), or is not the key
     * it was sealed under (erased, and the subject given a new key by later data).
     */
    public String open(String subjectRef, String field, String ciphertext) {
        Optional<SecretKey> key = keys.find(subjectRef);
        if (key.isEmpty()) {
            return PersonalData.ERASED;
        }
        try {
            return new String(AesGcm.open(key.get(), Base64.getDecoder().decode(ciphertext),
                    associatedData(subjectRef, field)), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            return PersonalData.ERASED;
        }
    }

    /**
     * {@code value} itself, or, when it is a {@link DataSubject} record whose subject has been erased, a copy
     * with every {@link PersonalData} component {@value PersonalData#ERASED}: for values stored in the clear.
     */
    public Object unlessErased(Object value) {
        if (!(value instanceof DataSubject holder) || !value.getClass().isRecord() || holder.dataSubject() == null
                || !erased.isErased(refs.of(holder.dataSubject()))) {
            return value;
        }
        return erasedCopy((Record) value);
    }

    /**
     * A copy of {@code record} with every {@link PersonalData} component that has a value {@value PersonalData#ERASED},
     * and so the records of personal data among its components: an event as a read shows it once its subject
     * is erased.
     */
    public static <R extends Record> R erasedCopy(R record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                Object value = components[i].getAccessor().invoke(record);
                if (value != null && components[i].isAnnotationPresent(PersonalData.class)) {
                    value = PersonalData.ERASED;
                } else if (value instanceof DataSubject && value instanceof Record nested) {
                    value = erasedCopy(nested);
                }
                values[i] = value;
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            @SuppressWarnings("unchecked")
            R copy = (R) canonical.newInstance(values);
            return copy;
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalStateException("a record of personal data could not be copied erased", e);
        }
    }

    /**
     * The stored JSON of an event of {@code type} as an auditor may see it: unchanged, except that personal data
     * stored in the clear (events older than the encryption) reads {@value PersonalData#ERASED} once its subject
     * is erased. Encrypted values are left as stored: they reveal nothing.
     */
    public JsonNode redactStored(JsonNode payload, Class<?> type) {
        if (payload instanceof ObjectNode object && type.isRecord()) {
            redact(object, type);
        }
        return payload;
    }

    private void redact(ObjectNode node, Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = node.get(component.getName());
            if (value instanceof ObjectNode nested && component.getType().isRecord()) {
                redact(nested, component.getType());
            }
        }
        if (!DataSubject.class.isAssignableFrom(type)) {
            return;
        }
        List<String> plain = Arrays.stream(type.getRecordComponents())
                .filter(c -> c.isAnnotationPresent(PersonalData.class))
                .map(RecordComponent::getName)
                .filter(name -> node.path(name).isTextual())
                .toList();
        if (plain.isEmpty()) {
            return;
        }
        try {
            String subject = ((DataSubject) PLAIN.treeToValue(node, type)).dataSubject();
            if (subject != null && erased.isErased(refs.of(subject))) {
                plain.forEach(name -> node.put(name, PersonalData.ERASED));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Not readable as its record: nothing to say about whose it is; shown as stored.
        }
    }

    /** The reference of a normalised subject. */
    public String subjectRef(String subject) {
        return refs.of(subject);
    }

    public boolean isErased(String subjectRef) {
        return erased.isErased(subjectRef);
    }

    /** Forgets what this instance cached of the subject (its key, "not erased"): asked again at the next use. */
    public void forget(String subjectRef) {
        keys.forget(subjectRef);
        erased.forget(subjectRef);
    }

    private static byte[] associatedData(String subjectRef, String field) {
        return (subjectRef + "|" + field).getBytes(StandardCharsets.UTF_8);
    }
}
