package com.ticketledger.events;

/**
 * A data subject's personal data was erased: the key that encrypted it is deleted, and every projection
 * overwrites what it holds of the subject with {@value PersonalData#ERASED}. Not a ticket's event: it is the
 * only event of the subject's own stream (aggregate id = {@code subjectRef}), and it holds no personal data.
 *
 * @param subjectRef the subject's reference: a keyed hash of the normalised e-mail or phone, which reveals neither
 * @param reason     why it was erased (e.g. the person's request under the data-protection law), as the
 *                   privacy officer wrote it
 */
public record PersonalDataErased(String subjectRef, String reason) {
}
