package com.ticketledger.command.privacy;

import com.ticketledger.store.privacy.MasterKey;
import com.ticketledger.store.privacy.SubjectKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A master key rotation (docs/security.md): started with {@code ledger.privacy.previous-master-key} set, the command
 * side re-wraps every key and secret still wrapped under it under the current master key, in one transaction. Only
 * this side may: the query side's role reads the keys. Until it is done, either master key opens them.
 */
@Component
@ConditionalOnExpression("!'${ledger.privacy.previous-master-key:}'.isBlank()")
class MasterKeyRotation implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyRotation.class);

    private final SubjectKeys keys;
    private final MasterKey current;
    private final MasterKey previous;
    private final TransactionTemplate transaction;

    MasterKeyRotation(SubjectKeys keys, MasterKey current,
            @Value("${ledger.privacy.previous-master-key}") String previous, PlatformTransactionManager transactions) {
        this.keys = keys;
        this.current = current;
        this.previous = MasterKey.ofBase64(previous);
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (previous.id().equals(current.id())) {
            LOG.warn("ledger.privacy.previous-master-key is the current master key: nothing to rotate");
            return;
        }
        Integer rewrapped = transaction.execute(status -> keys.rewrap(previous));
        LOG.info("Master key rotation: {} keys and secrets re-wrapped from master key {} to {}; the previous key may"
                + " now be removed (LEDGER_PRIVACY_PREVIOUS_MASTER_KEY) and destroyed", rewrapped, previous.id(),
                current.id());
    }
}
