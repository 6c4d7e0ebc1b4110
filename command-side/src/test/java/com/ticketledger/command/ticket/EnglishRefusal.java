package com.ticketledger.command.ticket;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A refusal as the HTTP edge words it in English: the text {@code refused.<key>} of the command side's bundle,
 * enum arguments by their names of the shared bundle, phrases resolved the same way. The aggregate's own message
 * must read the same, so the two never drift apart.
 */
final class EnglishRefusal {

    private static final ResourceBundle.Control BASE_ONLY =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle COMMAND_SIDE = ResourceBundle.getBundle("messages", Locale.ROOT, BASE_ONLY);
    private static final ResourceBundle SHARED = ResourceBundle.getBundle("web-messages", Locale.ROOT, BASE_ONLY);

    private EnglishRefusal() {
    }

    static String of(CommandRefused refusal) {
        return text("refused." + refusal.key(), refusal.arguments());
    }

    private static String text(String key, Object[] arguments) {
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            if (argument instanceof CommandRefused.Phrase phrase) {
                shown[i] = text("refused." + phrase.key(), phrase.arguments());
            } else if (argument instanceof Enum<?> value) {
                shown[i] = SHARED.getString(value.getDeclaringClass().getSimpleName() + "." + value.name());
            } else {
                shown[i] = String.valueOf(argument);
            }
        }
        return new MessageFormat(pattern(key), Locale.ENGLISH).format(shown);
    }

    private static String pattern(String key) {
        try {
            return COMMAND_SIDE.getString(key);
        } catch (MissingResourceException e) {
            throw new AssertionError("no English text " + key, e);
        }
    }
}
