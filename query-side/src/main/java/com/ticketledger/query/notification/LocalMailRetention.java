package com.ticketledger.query.notification;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the local mail server's memory bounded: every 10 s, each of its mailboxes is cut down to its newest
 * {@code ledger.notifications.local-mail-server.keep} messages. The server holds what it receives in memory, and a
 * ledger under load sends a few e-mails a command: kept whole, a busy day of the embedded default was a heap of
 * e-mails for the collector to carry.
 */
@Component
@Conditional(LocalMailServerCondition.class)
class LocalMailRetention {

    private static final Logger log = LoggerFactory.getLogger(LocalMailRetention.class);
    private static final Flags DELETED = new Flags(Flags.Flag.DELETED);

    private final GreenMail server;
    private final int keep;

    LocalMailRetention(GreenMail server, NotificationProperties properties) {
        this.server = server;
        this.keep = properties.localMailServer().keep();
    }

    /** Cuts every mailbox down to its newest messages; answers how many older ones were removed. */
    @Scheduled(initialDelay = 10, fixedDelay = 10, timeUnit = TimeUnit.SECONDS)
    int trim() {
        int removed = 0;
        try {
            for (MailFolder folder : server.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
                removed += trim(folder);
            }
        } catch (FolderException | RuntimeException e) {
            // tried again at the next turn
            log.warn("the local mail server's mailboxes could not be trimmed: {}", e.getMessage());
        }
        return removed;
    }

    private int trim(MailFolder folder) throws FolderException {
        long[] uids = folder.getMessageUids();
        int excess = uids.length - keep;
        if (excess <= 0) {
            return 0;
        }
        // a message's UID grows with its arrival in its mailbox
        Arrays.sort(uids);
        for (int i = 0; i < excess; i++) {
            folder.setFlags(DELETED, true, uids[i], null, false);
        }
        folder.expunge();
        return excess;
    }
}
