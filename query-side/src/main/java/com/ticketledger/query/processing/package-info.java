/**
 * The query side's event processors: one pooled streaming processor per projection, their tokens in
 * PostgreSQL beside the projections, and how far each has got.
 */
package com.ticketledger.query.processing;
