package io.signalbox.catalog.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signalbox.catalog.model.SemanticVersion;
import io.signalbox.web.Refusal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a proposed version number goes among the published ones, and which version it is judged against. */
class VersionLineTest {

    private static SemanticVersion v(String number) {
        return SemanticVersion.parse(number).orElseThrow();
    }

    private static List<SemanticVersion> published(String... numbers) {
        return Arrays.stream(numbers).map(VersionLineTest::v).toList();
    }

    @Test
    void aNewerMinorFollowsTheNewestOfItsLineAndBecomesCurrent() {
        VersionLine.Placement placement = VersionLine.place(published("1.0.0", "1.1.0"), v("1.1.0"), v("1.2.0"));
        assertThat(placement.predecessor()).hasToString("1.1.0");
        assertThat(placement.becomesCurrent()).isTrue();
    }

    @Test
    void aFixToAnOlderMajorLineIsJudgedAgainstThatLineAndDoesNotBecomeCurrent() {
        VersionLine.Placement placement =
                VersionLine.place(published("1.0.0", "2.0.0", "1.1.0"), v("2.0.0"), v("1.1.1"));
        assertThat(placement.predecessor()).hasToString("1.1.0");
        assertThat(placement.becomesCurrent()).isFalse();
    }

    @Test
    void aFixToTheFirstMajorLineAfterASecondIsComparedWithTheFirst() {
        VersionLine.Placement placement = VersionLine.place(published("1.0.0", "2.0.0"), v("2.0.0"), v("1.0.1"));
        assertThat(placement.predecessor()).hasToString("1.0.0");
        assertThat(placement.becomesCurrent()).isFalse();
    }

    @Test
    void aNewMajorLineIsJudgedAgainstTheCurrentVersion() {
        VersionLine.Placement placement = VersionLine.place(published("1.0.0", "1.3.0"), v("1.3.0"), v("2.0.0"));
        assertThat(placement.predecessor()).hasToString("1.3.0");
        assertThat(placement.becomesCurrent()).isTrue();
    }

    @Test
    void aNumberNotNewerThanTheNewestOfItsLineIsRefusedWithTheNewestNamed() {
        assertThatThrownBy(() -> VersionLine.place(published("1.0.0", "1.2.0"), v("1.2.0"), v("1.1.0")))
                .isInstanceOfSatisfying(Refusal.Invalid.class, refusal -> {
                    assertThat(refusal.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.field()).isEqualTo("product.version");
                        assertThat(problem.message()).contains("1.1.0 is not newer than 1.2.0");
                    });
                });
    }

    @Test
    void theSameNumberAsTheNewestIsNotNewer() {
        assertThatThrownBy(() -> VersionLine.place(published("1.0.0"), v("1.0.0"), v("1.0.0")))
                .isInstanceOf(Refusal.Invalid.class)
                .hasMessageContaining("not newer than 1.0.0");
    }

    @Test
    void aMajorLineBelowTheCurrentOneCannotBeOpened() {
        assertThatThrownBy(() -> VersionLine.place(published("2.0.0", "3.0.0"), v("3.0.0"), v("1.0.0")))
                .isInstanceOfSatisfying(
                        Refusal.Invalid.class,
                        refusal -> assertThat(refusal.problems().get(0).message())
                                .contains("no 1.x version was ever published")
                                .contains("start a new major line above 3"));
    }

    @Test
    void aMissingMajorLineBetweenOthersCanBeOpenedNeither() {
        assertThatThrownBy(() -> VersionLine.place(published("1.0.0", "3.0.0"), v("3.0.0"), v("2.0.0")))
                .isInstanceOf(Refusal.Invalid.class);
    }

    @Test
    void aPreReleaseOfTheNextMinorFollowsTheCurrent() {
        VersionLine.Placement placement = VersionLine.place(published("1.0.0"), v("1.0.0"), v("1.1.0-rc.1"));
        assertThat(placement.predecessor()).hasToString("1.0.0");
        assertThat(placement.becomesCurrent()).isTrue();
    }
}
