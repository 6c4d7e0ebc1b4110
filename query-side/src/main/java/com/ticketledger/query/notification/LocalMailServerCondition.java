package com.ticketledger.query.notification;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The local mail server runs when asked for ({@code ledger.notifications.local-mail-server.enabled}, the embedded
 * default) and no real SMTP server is named ({@code spring.mail.host}, SPRING_MAIL_HOST): then real SMTP is used.
 */
class LocalMailServerCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        return environment.getProperty("ledger.notifications.local-mail-server.enabled", Boolean.class, false)
                && !StringUtils.hasText(environment.getProperty("spring.mail.host"));
    }
}
