package io.signalbox.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticVersionTest {

    @Test
    void parsesMajorMinorPatch() {
        SemanticVersion version = parse("1.22.333");

        assertEquals(1, version.major());
        assertEquals(22, version.minor());
        assertEquals(333, version.patch());
        assertNull(version.preRelease());
        assertEquals("1.22.333", version.toString());
    }

    @Test
    void acceptsALeadingVAndDropsIt() {
        SemanticVersion version = parse("v2.0.1");

        assertEquals(new SemanticVersion(2, 0, 1, null), version);
        assertEquals("2.0.1", version.toString());
        assertEquals(0, version.compareTo(parse("2.0.1")));
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertEquals(parse("1.0.0"), parse("  1.0.0\n"));
    }

    @Test
    void readsAPreRelease() {
        SemanticVersion version = parse("1.0.0-rc.1");

        assertEquals("rc.1", version.preRelease());
        assertEquals("1.0.0-rc.1", version.toString());
        assertEquals("x-y-z.--", parse("1.0.0-x-y-z.--").preRelease());
        assertEquals(new SemanticVersion(0, 0, 0, null), parse("0.0.0"));
        assertEquals(999_999_999, parse("999999999.0.0").major());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "1",
                "1.2",
                "1.2.3.4",
                "01.2.3",
                "1.02.3",
                "1.2.03",
                "V1.2.3",
                "vv1.2.3",
                "-1.2.3",
                "a.b.c",
                "1.2.x",
                "1.2.3-",
                "1.2.3-alpha..1",
                "1.2.3-al pha",
                "1.2.3-αλφα",
                "1.2.3 junk",
                "1. 2.3",
                "1.2.3+", // build metadata, when present, is not empty
                "1.2.3+build..5",
                "1.2.3+bu ild",
                "1234567890.0.0", // ten digits would overflow an int
            })
    void refusesWhatIsNotASemanticVersion(String text) {
        assertTrue(SemanticVersion.parse(text).isEmpty(), () -> "'" + text + "' should be refused");
    }

    @Test
    void keepsBuildMetadataButIgnoresItInPrecedence() {
        SemanticVersion build7 = parse("1.2.3+build.7");
        assertEquals("build.7", build7.build());
        assertEquals("1.2.3+build.7", build7.toString());
        assertEquals(
                "1.2.3-rc.1+exp.sha.5114f85",
                parse("1.2.3-rc.1+exp.sha.5114f85").toString());
        // semver.org §10: two builds of one version have the same precedence, as the version without build has.
        assertEquals(0, build7.compareTo(parse("1.2.3+build.8")));
        assertEquals(0, build7.compareTo(parse("1.2.3")));
        assertTrue(build7.compareTo(parse("1.2.4+build.1")) < 0);
        assertTrue(parse("1.2.3-rc.1+build.9").compareTo(build7) < 0);
    }

    @Test
    void refusesVersionsLongerThanTheCatalogStores() {
        String longest = "1.0.0-" + "a".repeat(58);
        assertEquals(64, longest.length());
        assertEquals(longest, parse(longest).toString());
        assertTrue(SemanticVersion.parse(longest + "a").isEmpty());
    }

    @Test
    void ordersAsSemverOrgSays() {
        // The example chain from semver.org §11, extended with the number comparisons of §11.2.
        List<String> ascending = List.of(
                "0.9.9",
                "1.0.0-alpha",
                "1.0.0-alpha.1",
                "1.0.0-alpha.beta",
                "1.0.0-beta",
                "1.0.0-beta.2",
                "1.0.0-beta.11",
                "1.0.0-rc.1",
                "1.0.0",
                "1.0.1",
                "1.9.0",
                "1.10.0",
                "2.0.0",
                "2.1.0",
                "2.1.1",
                "10.0.0");
        for (int i = 0; i < ascending.size(); i++) {
            for (int j = 0; j < ascending.size(); j++) {
                int expected = Integer.signum(Integer.compare(i, j));
                int actual = Integer.signum(parse(ascending.get(i)).compareTo(parse(ascending.get(j))));
                assertEquals(expected, actual, ascending.get(i) + " compared with " + ascending.get(j));
            }
        }
        List<SemanticVersion> shuffled = new ArrayList<>(
                ascending.stream().map(SemanticVersionTest::parse).toList());
        Collections.shuffle(shuffled, new Random(7));
        Collections.sort(shuffled);
        assertEquals(ascending, shuffled.stream().map(SemanticVersion::toString).toList());
    }

    @Test
    void comparesPreReleaseIdentifiersByTheirKind() {
        // Numeric identifiers compare as numbers and sort before alphanumeric ones.
        assertTrue(parse("1.0.0-2").compareTo(parse("1.0.0-10")) < 0);
        assertTrue(parse("1.0.0-10").compareTo(parse("1.0.0-a")) < 0);
        assertTrue(parse("1.0.0-rc.9").compareTo(parse("1.0.0-rc.10")) < 0);
        // Alphanumeric identifiers compare in ASCII order: upper case before lower case, hyphen before digits.
        assertTrue(parse("1.0.0-Beta").compareTo(parse("1.0.0-alpha")) < 0);
        assertTrue(parse("1.0.0-a-1").compareTo(parse("1.0.0-a1")) < 0);
        // A longer set of identifiers wins when all shared ones are equal.
        assertTrue(parse("1.0.0-alpha.1").compareTo(parse("1.0.0-alpha.1.0")) < 0);
        // A pre-release sorts before its release, but after the previous release.
        assertTrue(parse("2.0.0-rc.1").compareTo(parse("2.0.0")) < 0);
        assertTrue(parse("2.0.0-rc.1").compareTo(parse("1.99.99")) > 0);
    }

    @Test
    void comparesNumericPreReleaseIdentifiersOfAnySize() {
        SemanticVersion huge = parse("1.0.0-99999999999999999999");

        assertTrue(huge.compareTo(parse("1.0.0-99999999999999999998")) > 0);
        assertTrue(huge.compareTo(parse("1.0.0-1")) > 0);
        assertTrue(parse("1.0.0-1").compareTo(huge) < 0);
        assertTrue(huge.compareTo(parse("1.0.0-alpha")) < 0);
    }

    @Test
    void refusesNumericPreReleaseIdentifiersWithLeadingZeros() {
        assertTrue(SemanticVersion.parse("1.0.0-01").isEmpty());
        assertTrue(SemanticVersion.parse("1.0.0-rc.007").isEmpty());
        // Alphanumeric identifiers may start with a zero.
        assertEquals("0a", parse("1.0.0-0a").preRelease());
    }

    private static SemanticVersion parse(String text) {
        return SemanticVersion.parse(text).orElseThrow(() -> new AssertionError("'" + text + "' should parse"));
    }
}
