package com.ticketledger.query.notification;

import com.ticketledger.events.SupportLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ledger.notifications.*}: who is told, in which language, through which webhooks, and how the sender
 * and the deadline scan pace themselves.
 *
 * @param language        the language (es-AR or en) of the messages about a ticket whose client the notifications do
 *                        not know (never registered, or not yet read after an upgrade); each known client's own
 *                        language otherwise
 * @param pageBaseUrl     where the web pages are, as the recipients reach them: the messages link to the ticket
 * @param from            the sender address of the e-mails
 * @param areaManager     the e-mail of the area manager, told of an escalation to the vendor when the client names
 *                        no area manager and no escalation addresses of its own; none if empty
 * @param teamLeads       the e-mail of each level's team lead, told of an unassigned ticket's SLA warnings
 * @param webhooks        the deployment's webhook subscriptions
 * @param delivery        the sender: how often it looks, how it backs off, when it gives up
 * @param scan            the deadline scan (SLA warnings, the automatic acceptance's reminder)
 * @param localMailServer the embedded default's local SMTP server, which keeps what it receives
 */
@ConfigurationProperties("ledger.notifications")
public record NotificationProperties(
        @DefaultValue("es-AR") String language,
        @DefaultValue("http://localhost:8081") URI pageBaseUrl,
        @DefaultValue("ledger@desk.example") String from,
        String areaManager,
        @DefaultValue Map<SupportLevel, String> teamLeads,
        @DefaultValue List<Webhook> webhooks,
        @DefaultValue Delivery delivery,
        @DefaultValue Scan scan,
        @DefaultValue LocalMailServer localMailServer) {

    public NotificationProperties {
        Locale locale = Locale.forLanguageTag(language);
        if (!"es".equals(locale.getLanguage()) && !"en".equals(locale.getLanguage())) {
            throw new IllegalArgumentException("ledger.notifications.language must be es-AR or en, not " + language);
        }
        for (int i = 0; i < webhooks.size(); i++) {
            webhooks.get(i).check("ledger.notifications.webhooks[" + i + "]");
        }
        teamLeads = Map.copyOf(teamLeads);
        webhooks = List.copyOf(webhooks);
    }

    /** The language of the messages about a ticket whose client is unknown to the notifications. */
    Locale clientLocale() {
        return Locale.forLanguageTag(language);
    }

    /**
     * A webhook subscription: each notification of one of {@code kinds} (every kind when empty) is POSTed to
     * {@code url} as JSON, signed with {@code secret}.
     */
    public record Webhook(URI url, String secret, @DefaultValue Set<NotificationKind> kinds) {

        /** Refused at start, with the property named: a webhook only ever speaks HTTP(S) and always signs. */
        void check(String property) {
            if (url == null || url.getScheme() == null || url.getHost() == null
                    || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
                throw new IllegalArgumentException(property + ".url must be an http or https URL, not " + url);
            }
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException(property + ".secret is required: every delivery is signed with it");
            }
        }

        boolean wants(NotificationKind kind) {
            return kinds.isEmpty() || kinds.contains(kind);
        }
    }

    /**
     * @param enabled      whether this instance delivers (several may: a row is claimed by one at a time)
     * @param pollInterval how often the sender looks for what is due
     * @param batchSize    how many notifications one look claims
     * @param backoff      the wait after the first failed attempt; it doubles with each further one
     * @param maxBackoff   the longest wait between two attempts
     * @param maxAttempts  after this many failed attempts the notification is FAILED
     * @param lease        how long a claimed notification is kept from other instances while it is being sent
     * @param timeout      how long one delivery may take (connecting and answering)
     */
    public record Delivery(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration pollInterval,
            @DefaultValue("20") int batchSize, @DefaultValue("1m") Duration backoff,
            @DefaultValue("1h") Duration maxBackoff, @DefaultValue("8") int maxAttempts,
            @DefaultValue("2m") Duration lease, @DefaultValue("10s") Duration timeout) {
    }

    /**
     * @param enabled  whether this instance takes part in the scan (db-scheduler runs it on one instance at a time)
     * @param interval how often the deadlines are scanned
     * @param lookback a deadline passed longer ago than this is not news: the first scan after a long stop (or
     *                 after notifications were first deployed) does not warn of it
     */
    public record Scan(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval,
            @DefaultValue("24h") Duration lookback) {
    }

    /**
     * @param enabled whether to start a local SMTP server (only without {@code spring.mail.host})
     * @param port    its port on the loopback address; 0 takes a free one
     * @param keep    how many of the newest messages each of its mailboxes keeps (it holds them in memory)
     */
    public record LocalMailServer(@DefaultValue("false") boolean enabled, @DefaultValue("3025") int port,
            @DefaultValue("100") int keep) {
        public LocalMailServer {
            if (keep < 1) {
                throw new IllegalArgumentException("ledger.notifications.local-mail-server.keep must be at least 1");
            }
        }
    }
}
