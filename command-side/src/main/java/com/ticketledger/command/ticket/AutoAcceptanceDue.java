package com.ticketledger.command.ticket;

import com.ticketledger.events.MetaDataKeys;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.UUID;

/**
 * The deadline a pending closure schedules (name {@link #DEADLINE}): the ticket is accepted by the ledger at
 * {@code autoAcceptAt} unless its client answered first. Kept in PostgreSQL until then, serialized with the ledger's
 * Jackson serializer. It names the pending closure it belongs to by that instant, so a firing that outlived its
 * pending closure (a reopening, then a new pending closure) is told apart from the current one and does nothing.
 */
public record AutoAcceptanceDue(UUID ticketId, Instant autoAcceptAt) {

    public static final String DEADLINE = "auto-acceptance";

    /**
     * The deadline as a message whose metadata names only the ledger itself. Built with an identifier of its own,
     * because a message built inside the pending closure's unit of work would otherwise copy that request's
     * correlation data (the engineer, their level), and the acceptance it leads to is not theirs.
     */
    Message<AutoAcceptanceDue> asMessage() {
        return new GenericMessage<>(IdentifierFactory.getInstance().generateIdentifier(), AutoAcceptanceDue.class,
                this, MetaData.with(MetaDataKeys.USER, MetaDataKeys.SYSTEM_USER)
                        .and(MetaDataKeys.ROLE, MetaDataKeys.SYSTEM_ROLE));
    }
}
