package io.signalbox.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages show instants: one readable format in UTC, the company's common clock. */
@TemplateExtension
public final class Dates {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern(
                    "d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Dates() {}

    static String display(Instant instant) {
        return instant == null ? "" : DAY_AND_TIME.format(instant);
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** Machine-readable form for {@code <time datetime>}. */
    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
