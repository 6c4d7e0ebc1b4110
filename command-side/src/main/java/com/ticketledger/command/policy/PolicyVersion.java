package com.ticketledger.command.policy;

/**
 * What a policy command answers: the policy and the version it defined.
 *
 * @param version 1 for a new policy, one more for each change; its event is at sequence {@code version - 1}
 */
public record PolicyVersion(String name, int version) {

    /** The sequence number of this version's event in the policy's stream. */
    public long sequence() {
        return version - 1L;
    }
}
