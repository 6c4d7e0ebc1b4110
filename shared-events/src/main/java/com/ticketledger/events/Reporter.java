package com.ticketledger.events;

/**
 * The person at the client who reported the problem and is contacted about it.
 *
 * @param name  the reporter's name
 * @param email an e-mail address, or {@code null} when a phone is given
 * @param phone a phone number, or {@code null} when an e-mail is given
 */
public record Reporter(String name, String email, String phone) {
}
