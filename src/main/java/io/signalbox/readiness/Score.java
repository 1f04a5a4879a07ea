package io.signalbox.readiness;

import io.signalbox.web.Refusal;
import java.util.Arrays;
import java.util.Locale;

/**
 * A readiness score, the article's traffic light: green (ready), amber (ready with reservations) or red (needs a
 * capability-building plan first). Used both for a domain's self-score and for the level of the catalog's evidence.
 */
public enum Score {
    GREEN,
    AMBER,
    RED;

    /** The stable key: {@code green}, {@code amber} or {@code red}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How many levels better this score is than {@code other}: 2 for green against red, negative when worse. */
    public int levelsBetterThan(Score other) {
        return other.ordinal() - ordinal();
    }

    /**
     * The score with this key.
     *
     * @throws Refusal.Invalid (422) naming {@code field} when the key is none of green, amber, red
     */
    public static Score ofKey(String key, String field) {
        return Arrays.stream(values())
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow(() -> Refusal.invalid(
                        "Unknown readiness score", field, "'" + key + "' is not a score; use green, amber or red"));
    }
}
