package com.ticketledger.web.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Query parameters a controller reads without declaring them as {@code @RequestParam} (an interceptor reads
 * them, say), so that {@link StrictInput} does not refuse them. Put it on the controller, or on an annotation
 * the controller carries.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AcceptsParameters {

    String[] value();
}
