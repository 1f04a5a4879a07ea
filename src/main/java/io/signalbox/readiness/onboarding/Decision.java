package io.signalbox.readiness.onboarding;

import io.signalbox.web.Refusal;
import java.util.Arrays;

/**
 * The council's onboarding decisions for a domain (the article's Step 1): start a pilot, build capability first, or
 * stay on central tooling (for a domain that should not own data products, with its reason).
 */
public enum Decision {
    READY_TO_PILOT("ready-to-pilot", "Ready to pilot"),
    NEEDS_CAPABILITY_BUILDING("needs-capability-building", "Needs capability building"),
    STAYS_ON_CENTRAL_TOOLING("stays-on-central-tooling", "Stays on central tooling");

    private final String key;
    private final String label;

    Decision(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /**
     * The decision with this key.
     *
     * @throws Refusal.Invalid (422) naming {@code decision} and the three keys
     */
    public static Decision ofKey(String key) {
        return Arrays.stream(values())
                .filter(d -> d.key.equals(key))
                .findFirst()
                .orElseThrow(() -> Refusal.invalid(
                        "Unknown onboarding decision",
                        "decision",
                        (key == null || key.isBlank() ? "is required" : "'" + key + "' is not a decision")
                                + "; use ready-to-pilot, needs-capability-building or stays-on-central-tooling"));
    }
}
