package com.ticketledger.command.recording;

/**
 * A command that waited {@code ledger.commands.max-wait} for its turn ({@link CommandAdmission}) and did not get
 * it: answered 503 {@code commands-busy} with {@code Retry-After}. Nothing of it was recorded.
 */
public class CommandsBusy extends RuntimeException {

    CommandsBusy(int slots) {
        super("all " + slots + " of this instance's command slots stayed taken");
    }
}
