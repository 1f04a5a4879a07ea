package io.signalbox.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a notification reaches a person: by email (SMTP), in the portal's inbox, or by a webhook call. */
public enum Channel {
    EMAIL,
    INBOX,
    WEBHOOK;

    /** The lower-case name used in the API, on pages and in the database. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label().equals(label)).findFirst();
    }
}
