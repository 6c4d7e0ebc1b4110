package com.ticketledger.events;

import java.time.LocalDate;

/**
 * The client's contract, as it now stands; it replaces the one before. New tickets may be opened for the client
 * only on the days from {@code from} to {@code to} (both included, in the client's time zone) and while it is
 * not suspended; tickets already open are not touched.
 *
 * @param clientId         the client organisation
 * @param from             the first day of support
 * @param to               the last day of support
 * @param slaPolicy        the name of the SLA policy the contract promises (e.g. {@code standard})
 * @param onSiteSupport    whether the contract includes support on the client's premises
 * @param suspended        whether support is suspended (e.g. unpaid); no ticket may be opened meanwhile
 * @param suspensionReason why it is suspended; set exactly when {@code suspended}
 */
public record ContractSet(
        String clientId,
        LocalDate from,
        LocalDate to,
        String slaPolicy,
        boolean onSiteSupport,
        boolean suspended,
        String suspensionReason) implements ClientEvent {
}
