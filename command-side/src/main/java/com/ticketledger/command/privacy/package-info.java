/**
 * The data-protection officer's erasure of a data subject's personal data: the subject's key deleted and a
 * {@code PersonalDataErased} appended to the subject's own stream, in one transaction (docs/security.md).
 */
package com.ticketledger.command.privacy;
