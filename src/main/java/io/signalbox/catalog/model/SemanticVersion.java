package io.signalbox.catalog.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (Semantic Versioning 2.0.0: major.minor.patch, an optional pre-release, optional build metadata),
 * ordered as semver.org §11 says. Build metadata ({@code 1.0.0+build.7}) is kept and shown but, per §10, plays no part
 * in precedence: two builds of one version are the same version, so the catalog publishes one of them.
 */
public record SemanticVersion(int major, int minor, int patch, String preRelease, String build)
        implements Comparable<SemanticVersion> {

    /** A version without build metadata. */
    public SemanticVersion(int major, int minor, int patch, String preRelease) {
        this(major, minor, patch, preRelease, null);
    }

    private static final Pattern SEMVER = Pattern.compile(
            "v?(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
                    + "(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

    public static Optional<SemanticVersion> parse(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        Matcher m = SEMVER.matcher(text.trim());
        if (!m.matches() || hasNumericIdentifierWithLeadingZero(m.group(4))) {
            return Optional.empty();
        }
        return Optional.of(new SemanticVersion(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                m.group(4),
                m.group(5)));
    }

    /** semver.org §9: numeric pre-release identifiers must not include leading zeroes (01 and 1 would collide). */
    private static boolean hasNumericIdentifierWithLeadingZero(String preRelease) {
        if (preRelease == null) {
            return false;
        }
        for (String identifier : preRelease.split("\\.")) {
            if (identifier.length() > 1
                    && identifier.startsWith("0")
                    && identifier.chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int byNumbers = major != other.major
                ? Integer.compare(major, other.major)
                : minor != other.minor ? Integer.compare(minor, other.minor) : Integer.compare(patch, other.patch);
        if (byNumbers != 0) {
            return byNumbers;
        }
        // A pre-release sorts before its release: 1.0.0-rc.1 < 1.0.0.
        if (preRelease == null || other.preRelease == null) {
            return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
        }
        return comparePreRelease(preRelease, other.preRelease);
    }

    private static int comparePreRelease(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            boolean leftNumeric = left[i].chars().allMatch(Character::isDigit);
            boolean rightNumeric = right[i].chars().allMatch(Character::isDigit);
            int order;
            if (leftNumeric && rightNumeric) {
                // Numeric identifiers have no leading zeros, so the longer one is the larger, whatever its size.
                order = left[i].length() != right[i].length()
                        ? Integer.compare(left[i].length(), right[i].length())
                        : left[i].compareTo(right[i]);
            } else if (leftNumeric != rightNumeric) {
                order = leftNumeric ? -1 : 1;
            } else {
                order = left[i].compareTo(right[i]);
            }
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease)
                + (build == null ? "" : "+" + build);
    }
}
