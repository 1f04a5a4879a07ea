package io.signalbox.catalog.publishing;

import io.signalbox.catalog.model.SemanticVersion;
import io.signalbox.web.Refusal;
import java.util.List;
import java.util.Optional;

/**
 * Where a proposed version number fits among a product's published versions (Semantic Versioning 2.0.0 precedence).
 * Versions only grow within a major line, so consumers never see history rewritten; a fix to an older major line that
 * is still in use (1.4.1 after 2.0.0) is allowed and recorded, but does not become current. The same placement is used
 * by the dry run and by publishing, so both refuse the same numbers.
 */
public final class VersionLine {

    private VersionLine() {}

    /**
     * Where a new version goes.
     *
     * @param predecessor the version it is judged against: the newest earlier version of its major line or, opening a
     *     new major line, the current version (a new major may break, but its changes are still shown)
     * @param becomesCurrent whether it is newer than the current version and so becomes what readers see
     */
    public record Placement(SemanticVersion predecessor, boolean becomesCurrent) {}

    /**
     * Places {@code proposed} among {@code published} (every number published so far, in any order), of which
     * {@code current} is the one readers see.
     *
     * @throws Refusal.Invalid on {@code product.version} when the number is not newer than the newest of its major
     *     line, or opens a major line below the current one
     */
    public static Placement place(List<SemanticVersion> published, SemanticVersion current, SemanticVersion proposed) {
        Optional<SemanticVersion> newestOfLine =
                published.stream().filter(v -> v.major() == proposed.major()).max(SemanticVersion::compareTo);
        if (newestOfLine.isPresent() && proposed.compareTo(newestOfLine.get()) <= 0) {
            throw refuse(proposed + " is not newer than " + newestOfLine.get() + ", the latest published "
                    + proposed.major() + ".x version; use a higher version number");
        }
        if (newestOfLine.isEmpty() && proposed.major() < current.major()) {
            throw refuse("no " + proposed.major() + ".x version was ever published, and the current version is "
                    + current + "; start a new major line above " + current.major());
        }
        return new Placement(predecessor(published, current, proposed), proposed.compareTo(current) > 0);
    }

    /**
     * The version {@code proposed} is judged against: the newest published version of its major line below it or,
     * opening a major line, the current version. Also for a number already published (a repeated publication).
     */
    public static SemanticVersion predecessor(
            List<SemanticVersion> published, SemanticVersion current, SemanticVersion proposed) {
        return published.stream()
                .filter(v -> v.major() == proposed.major() && v.compareTo(proposed) < 0)
                .max(SemanticVersion::compareTo)
                .orElse(current);
    }

    private static Refusal.Invalid refuse(String problem) {
        return Refusal.invalid("The descriptor is not valid", "product.version", problem);
    }
}
