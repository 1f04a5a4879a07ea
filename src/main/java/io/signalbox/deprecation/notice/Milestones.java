package io.signalbox.deprecation.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a notice's messages are due. Every recipient gets {@code issued} at once, a reminder {@code t-N} N days before
 * the sunset for each configured N ({@code signalbox.deprecation.reminder-days}, default 30, 7, 1) and {@code sunset}
 * at the sunset; the owner gets, a day before each reminder ({@code signalbox.deprecation.digest-lead}), a
 * {@code digest-t-N} of who has not acknowledged. Changes add {@code extended:<new sunset>} and {@code rescinded}.
 */
@ApplicationScoped
public class Milestones {

    public static final String ISSUED = "issued";
    public static final String SUNSET = "sunset";
    public static final String RESCINDED = "rescinded";
    public static final String EXTENDED_PREFIX = "extended:";
    public static final String DIGEST_PREFIX = "digest-";
    public static final String DEAD_PREFIX = "dead-";

    @ConfigProperty(name = "signalbox.deprecation.reminder-days", defaultValue = "30,7,1")
    List<Integer> reminderDays;

    @ConfigProperty(name = "signalbox.deprecation.digest-lead", defaultValue = "P1D")
    Duration digestLead;

    /** A scheduled milestone: its label and when it is due. */
    public record Due(String milestone, Instant at) {}

    /** The reminders and the sunset, for recipients, for a notice with this sunset; none before {@code now}. */
    public List<Due> scheduled(Instant sunsetAt, Instant now) {
        List<Due> due = new ArrayList<>();
        for (int days : reminderDays) {
            Instant at = sunsetAt.minus(Duration.ofDays(days));
            if (!at.isBefore(now)) {
                due.add(new Due(reminder(days), at));
            }
        }
        due.add(new Due(SUNSET, sunsetAt));
        return due;
    }

    /** The owner's digests, one a little before each reminder. */
    public List<Due> digests(Instant sunsetAt, Instant now) {
        List<Due> due = new ArrayList<>();
        for (int days : reminderDays) {
            Instant at = sunsetAt.minus(Duration.ofDays(days)).minus(digestLead);
            if (!at.isBefore(now)) {
                due.add(new Due(DIGEST_PREFIX + reminder(days), at));
            }
        }
        return due;
    }

    static String reminder(int days) {
        return "t-" + days;
    }

    /** Whether a milestone is a reminder ({@code t-N}). */
    public static boolean isReminder(String milestone) {
        return milestone.startsWith("t-");
    }

    /** The N of a reminder or digest milestone ({@code t-30}, {@code digest-t-30}). */
    public static int daysBefore(String milestone) {
        return Integer.parseInt(milestone.substring(milestone.lastIndexOf('-') + 1));
    }
}
