package io.signalbox.readiness;

import io.signalbox.web.Refusal;
import java.util.Arrays;
import java.util.Locale;

/**
 * The six readiness criteria of the article's Step 3 ("Assess Domain Readiness Honestly"), in the questionnaire's order.
 * {@link #key()} is the stable name used in JSON, CSV, forms and the {@code readiness_*} tables; the wording of each
 * guiding question lives in the council's versioned questionnaire, not here.
 */
public enum Criterion {
    BUSINESS_OWNERSHIP("Business ownership"),
    CONSUMER_AWARENESS("Consumer awareness"),
    DATA_KNOWLEDGE("Data knowledge"),
    CHANGE_AUTHORITY("Change authority"),
    CAPACITY("Capacity"),
    SLA_READINESS("SLA readiness");

    private final String title;

    Criterion(String title) {
        this.title = title;
    }

    /** The stable key, e.g. {@code business-ownership}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The criterion's name as the article writes it, e.g. "SLA readiness". */
    public String title() {
        return title;
    }

    /**
     * The criterion with this key.
     *
     * @throws Refusal.Invalid (422) naming {@code field} and the six keys when there is none
     */
    public static Criterion ofKey(String key, String field) {
        return Arrays.stream(values())
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElseThrow(() -> Refusal.invalid(
                        "Unknown readiness criterion",
                        field,
                        "'" + key + "' is not a criterion; use one of " + keys()));
    }

    private static String keys() {
        return String.join(", ", Arrays.stream(values()).map(Criterion::key).toList());
    }
}
