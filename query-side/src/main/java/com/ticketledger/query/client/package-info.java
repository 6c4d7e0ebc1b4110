/**
 * The client register as the desk reads it: the {@code clients} projection of each client's registration,
 * contract and contacts, and its reads ({@code GET /api/clients}), scoped to a CLIENT's own organisation.
 */
package com.ticketledger.query.client;
