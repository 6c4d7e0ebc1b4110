package com.ticketledger.query.policy;

import java.time.Instant;
import java.util.List;

/**
 * An SLA policy: its version in force (the one a ticket opened now is stamped with) and every version, oldest first.
 */
public record SlaPolicyView(String name, SlaPolicyVersionView inForce, List<Version> versions) {

    /** A version in a policy's list, without its terms ({@code GET /api/sla-policies/{name}/versions/{n}} has them). */
    public record Version(int version, Instant definedAt, String definedBy, String reason) {
    }
}
