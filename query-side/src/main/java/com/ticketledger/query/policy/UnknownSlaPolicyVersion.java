package com.ticketledger.query.policy;

/**
 * A ticket names a policy version the ledger does not hold: the command side stamps only versions it has written,
 * so this is a real fault (the event goes to the dead-letter queue like any failure), not an input to answer.
 */
public class UnknownSlaPolicyVersion extends IllegalStateException {

    public UnknownSlaPolicyVersion(String name, int version) {
        super("the ledger holds no version " + version + " of the SLA policy " + name);
    }
}
