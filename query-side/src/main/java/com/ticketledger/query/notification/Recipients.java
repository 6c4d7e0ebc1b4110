package com.ticketledger.query.notification;

import com.ticketledger.events.Role;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.web.access.DeskUser;
import com.ticketledger.web.access.DeskUsers;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who is told, and in which language (docs/domain.md, "Notifications"): a desk user at their own address
 * (ledger.security.users' {@code email}), a level's team lead (ledger.notifications.team-leads); and, from what the
 * projection keeps of the ticket's client ({@link NotificationClients}), its representatives (the CLIENT users it
 * names, at their {@code email}) and its area manager and escalation addresses. The desk serves each client in the
 * client's language, so every message about a ticket is written in it, the desk's own included;
 * {@code ledger.notifications.language} (and {@code ledger.notifications.area-manager}) only stand in for a client
 * the notifications do not know.
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

    /**
     * Who of the client is asked to accept a resolution, reminded of its automatic acceptance and told of it: the
     * client's representatives who have an address (the ones who may accept); the reporter when the client names
     * none, none of them has an address, or the client is unknown here. Each address once.
     */
    List<String> acceptance(Optional<NotificationClients.Client> client, String reporterEmail) {
        List<String> representatives = new ArrayList<>();
        for (String name : client.map(NotificationClients.Client::representatives).orElse(List.of())) {
            users.find(name)
                    .filter(user -> user.role() == Role.CLIENT && client.get().clientId().equals(user.organisation()))
                    .map(DeskUser::email)
                    .ifPresent(representatives::add);
        }
        return distinct(representatives.isEmpty() ? listOf(reporterEmail) : representatives);
    }

    /**
     * Who is told of an escalation to the vendor: the client's area manager and escalation addresses; the desk's
     * area manager (ledger.notifications.area-manager) when the client names neither, or is unknown here.
     */
    List<String> vendorEscalation(Optional<NotificationClients.Client> client) {
        List<String> addresses = new ArrayList<>();
        client.ifPresent(known -> {
            addresses.addAll(listOf(known.areaManagerEmail()));
            addresses.addAll(known.escalationEmails());
        });
        return distinct(addresses.isEmpty() ? listOf(properties.areaManager()) : addresses);
    }

    /** The client's language; the configured one for a client unknown here. */
    Locale language(Optional<NotificationClients.Client> client) {
        return client.map(NotificationClients.Client::language).map(Locale::forLanguageTag)
                .orElseGet(properties::clientLocale);
    }

    private static List<String> listOf(String address) {
        return address == null || address.isBlank() ? List.of() : List.of(address);
    }

    /** The addresses trimmed, each once (compared without case), blanks left out. */
    private static List<String> distinct(List<String> addresses) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String address : addresses) {
            if (address != null && !address.isBlank()) {
                byKey.putIfAbsent(address.trim().toLowerCase(Locale.ROOT), address.trim());
            }
        }
        return List.copyOf(byKey.values());
    }
}
