package com.ticketledger.events;

/** How a ticket reached the desk. */
public enum Channel {
    PHONE,
    EMAIL,
    CHAT,
    WEB,
    WHATSAPP,
    SLACK
}
