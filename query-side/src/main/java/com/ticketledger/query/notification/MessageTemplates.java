package com.ticketledger.query.notification;

import com.ticketledger.sla.SlaProperties;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The e-mails' words (notifications.properties, English; notifications_es.properties, Spanish): a subject, and a
 * body in plain text and in HTML with the ticket's number, title and status and a link to its page. Times are
 * shown in the desk's office calendar's zone.
 */
@Component
class MessageTemplates {

    /** The kinds told to the client's people: their link is the client portal's; the desk's is the board's. */
    static final Set<NotificationKind> TO_CLIENT = EnumSet.of(NotificationKind.ACCEPTANCE_REQUESTED,
            NotificationKind.AUTO_ACCEPT_SOON, NotificationKind.AUTO_ACCEPTED, NotificationKind.PUBLIC_UPDATE);

    /** A rendered e-mail. */
    record Message(String subject, String text, String html) {
    }

    private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
    private final NotificationProperties properties;
    private final ZoneId zone;

    MessageTemplates(NotificationProperties properties, SlaProperties sla) {
        this.properties = properties;
        texts.setBasename("notifications");
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
        SlaProperties.CalendarProperties office = sla.calendars() == null ? null
                : sla.calendars().get(sla.officeCalendar());
        this.zone = office != null && office.zone() != null ? office.zone() : ZoneId.of("UTC");
    }

    /** The link to the ticket's page: the client portal for the client's people, the engineer board for the desk. */
    String link(NotificationKind kind, Map<String, Object> facts) {
        String page = TO_CLIENT.contains(kind) ? "client.html" : "engineer.html";
        String base = properties.pageBaseUrl().toString().replaceAll("/+$", "");
        return base + "/" + page + "?ticket=" + facts.get("number");
    }

    Message render(NotificationKind kind, String languageTag, Map<String, Object> facts) {
        Locale locale = Locale.forLanguageTag(languageTag);
        Object[] args = {facts.get("number"), facts.get("title"),
                text("status." + facts.get("status"), locale), time(facts, locale),
                facts.containsKey("timer") ? text("timer." + facts.get("timer"), locale) : "",
                facts.getOrDefault("engineer", facts.getOrDefault("assignee", "")),
                facts.getOrDefault("vendorCaseRef", "")};
        String subject = texts.getMessage("subject." + kind, args, locale);
        StringBuilder first = new StringBuilder(texts.getMessage("body." + kind, args, locale));
        if (kind == NotificationKind.ACCEPTANCE_REQUESTED && facts.get("autoAcceptAt") != null) {
            first.append(' ').append(texts.getMessage("body." + kind + ".auto", args, locale));
        }
        String link = link(kind, facts);
        String[] lines = {first.toString(),
                texts.getMessage("line.ticket", new Object[] {facts.get("number"), facts.get("title")}, locale),
                texts.getMessage("line.status", new Object[] {args[2]}, locale),
                texts.getMessage("line.link", new Object[] {link}, locale),
                texts.getMessage("footer", null, locale)};
        String text = String.join("\n\n", lines[0], String.join("\n", lines[1], lines[2], lines[3]), lines[4]) + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><body>"
                + "<p>" + escape(lines[0]) + "</p>"
                + "<p>" + escape(lines[1]) + "<br>" + escape(lines[2]) + "<br>"
                + escape(texts.getMessage("line.link", new Object[] {""}, locale).trim())
                + " <a href=\"" + escape(link) + "\">" + escape(link) + "</a></p>"
                + "<p><small>" + escape(lines[4]) + "</small></p></body></html>";
        return new Message(subject, text, html);
    }

    private String time(Map<String, Object> facts, Locale locale) {
        Object at = facts.containsKey("dueAt") ? facts.get("dueAt") : facts.get("autoAcceptAt");
        if (at == null) {
            return "";
        }
        String pattern = "es".equals(locale.getLanguage()) ? "dd/MM/yyyy HH:mm" : "yyyy-MM-dd HH:mm";
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(zone).format(Instant.parse(at.toString()))
                + " (" + zone.getId() + ")";
    }

    private String text(String key, Locale locale) {
        return texts.getMessage(key, null, key, locale);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
