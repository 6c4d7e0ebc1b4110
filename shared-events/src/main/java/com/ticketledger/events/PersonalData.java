package com.ticketledger.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component as a data subject's personal data. The ledger's event serializer encrypts each marked
 * value under the key of the subject its record names ({@link DataSubject#dataSubject()}), so that deleting that
 * key (an erasure) makes the value unreadable in the ledger without editing it; a read then gets
 * {@value #ERASED}. A record with marked components implements {@link DataSubject}.
 *
 * <p>Record components pass an annotation on to their field, accessor and constructor parameter only when its
 * target names them: serializing reads it from the accessor, deserializing from the parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** What every read shows for a value whose subject was erased. */
    String ERASED = "[erased]";
}
