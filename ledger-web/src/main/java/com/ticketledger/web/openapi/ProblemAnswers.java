package com.ticketledger.web.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Problems a controller's operations (on a type) or one operation (on a method) answer that no rule of the
 * OpenAPI customizers can see, e.g. a 503 where an operation reads the database. Both are added.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemAnswers {

    ProblemResponse[] value();
}
