package com.ticketledger.query.consistency;

import com.ticketledger.web.input.AcceptsParameters;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the processing group a controller's reads come from, so that {@code minPosition} waits for that
 * projection (and not for an unrelated one that may be rebuilding). Such reads accept {@code minPosition}.
 */
@AcceptsParameters("minPosition")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsProjection {

    String value();
}
