/**
 * The language people read the ledger in: English or Spanish (es-AR), chosen per request from
 * {@code Accept-Language}, the texts from the {@code messages} bundles. Codes and enum names never change.
 */
package com.ticketledger.web.language;
