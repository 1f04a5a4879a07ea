package io.signalbox.governance.compliance;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a declared freshness, as a contract writes it in ODCS {@code slaProperties} (freshness, latency or frequency,
 * value and unit), as the longest age the data may reach: "daily by 06:00 UTC" is 24 hours, "4 h" and "every 4
 * hours" are 4 hours, "PT30M" is 30 minutes. A text none of these rules reads ("as soon as possible") is declared but
 * cannot be measured against; the evidence counts it apart.
 */
public final class FreshnessWindow {

    // Cadence words first: "daily, within 2 hours of midnight" is a daily promise, not a two-hour one.
    private static final Map<String, Duration> CADENCES = Map.of(
            "hourly", Duration.ofHours(1),
            "daily", Duration.ofDays(1),
            "nightly", Duration.ofDays(1),
            "every day", Duration.ofDays(1),
            "weekly", Duration.ofDays(7),
            "monthly", Duration.ofDays(31),
            "quarterly", Duration.ofDays(92),
            "yearly", Duration.ofDays(366),
            "annually", Duration.ofDays(366));
    private static final Pattern CADENCE =
            Pattern.compile("\\b(hourly|daily|nightly|every day|weekly|monthly|quarterly|yearly|annually)\\b");
    private static final Pattern AMOUNT = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w)\\b");
    private static final Pattern ISO = Pattern.compile("^p(\\d+d)?(t.*)?$");

    private FreshnessWindow() {}

    /** The longest age the declared freshness allows, or empty when the text says none these rules can read. */
    public static Optional<Duration> of(String declared) {
        if (declared == null || declared.isBlank()) {
            return Optional.empty();
        }
        String text = declared.strip().toLowerCase(Locale.ROOT);
        if (ISO.matcher(text).matches()) {
            try {
                return positive(Duration.parse(text.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                return Optional.empty(); // "p…" text that is no duration: unreadable, like any other
            }
        }
        Matcher cadence = CADENCE.matcher(text);
        if (cadence.find()) {
            return Optional.of(CADENCES.get(cadence.group(1)));
        }
        Matcher amount = AMOUNT.matcher(text);
        if (amount.find()) {
            double number = Double.parseDouble(amount.group(1));
            long seconds = Math.round(number * unitSeconds(amount.group(2)));
            return positive(Duration.ofSeconds(seconds));
        }
        return Optional.empty();
    }

    private static long unitSeconds(String unit) {
        return switch (unit.charAt(0)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3_600;
            case 'd' -> 86_400;
            default -> 604_800; // w: weeks
        };
    }

    private static Optional<Duration> positive(Duration duration) {
        return duration.isNegative() || duration.isZero() ? Optional.empty() : Optional.of(duration);
    }
}
