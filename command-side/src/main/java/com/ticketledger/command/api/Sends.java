package com.ticketledger.command.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The command a request handler sends: what {@link CommandOutcomes} counts the request as, refused or not. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface Sends {

    Class<?> value();
}
