package com.ticketledger.query.notification;

import com.ticketledger.events.SupportLevel;
import com.ticketledger.web.access.DeskUser;
import com.ticketledger.web.access.DeskUsers;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Who on the desk is told: a user's own address (ledger.security.users' {@code email}), a level's team lead and
 * the area manager (ledger.notifications.*). Every message is in the client's language
 * ({@code ledger.notifications.language}, per client later): the desk serves that client in it.
 */
@Component
class Recipients {

    private final DeskUsers users;
    private final NotificationProperties properties;

    Recipients(DeskUsers users, NotificationProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    /** The desk user's e-mail, or {@code null} when they have none (or are not configured here). */
    String deskUser(String name) {
        return users.find(name).map(DeskUser::email).orElse(null);
    }

    /** Who answers for a ticket's SLA: its assignee, or the level's team lead while nobody is assigned. */
    String answering(String assignee, SupportLevel level) {
        return assignee != null ? deskUser(assignee) : properties.teamLeads().get(level);
    }

    String areaManager() {
        return properties.areaManager();
    }

    Locale language() {
        return properties.clientLocale();
    }
}
