package io.signalbox.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The verdict rule of Step 3 over every one of the 3^6 = 729 combinations of scores, and for each every set of its
 * reds the council may have waived: the expected verdict is computed independently, by counting the reds not waived.
 */
class VerdictTest {

    @Test
    void readyToPilotExactlyWhenNoRedIsLeftUnwaived() {
        Criterion[] criteria = Criterion.values();
        int combinations = 0, judged = 0, ready = 0;
        for (int n = 0; n < 729; n++) {
            Map<Criterion, Score> scores = new EnumMap<>(Criterion.class);
            int code = n;
            for (Criterion criterion : criteria) {
                scores.put(criterion, Score.values()[code % 3]);
                code /= 3;
            }
            combinations++;
            List<Criterion> reds = scores.entrySet().stream()
                    .filter(e -> e.getValue() == Score.RED)
                    .map(Map.Entry::getKey)
                    .toList();
            // Every subset of the reds, waived; and a waiver of a criterion that is not red, which changes nothing.
            for (int mask = 0; mask < (1 << reds.size()); mask++) {
                Set<Criterion> waived = EnumSet.noneOf(Criterion.class);
                for (int i = 0; i < reds.size(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        waived.add(reds.get(i));
                    }
                }
                long unwaivedReds = reds.size() - waived.size();
                Verdict expected = unwaivedReds == 0 ? Verdict.READY_TO_PILOT : Verdict.NEEDS_CAPABILITY_BUILDING;
                assertThat(Verdict.of(scores, waived))
                        .as("%s waived %s", scores, waived)
                        .isEqualTo(expected);
                judged++;
                if (expected == Verdict.READY_TO_PILOT) {
                    ready++;
                }
            }
            Set<Criterion> notRed = EnumSet.allOf(Criterion.class);
            notRed.removeAll(reds);
            assertThat(Verdict.of(scores, notRed))
                    .as("waivers of criteria that are not red")
                    .isEqualTo(reds.isEmpty() ? Verdict.READY_TO_PILOT : Verdict.NEEDS_CAPABILITY_BUILDING);
        }
        assertThat(combinations).isEqualTo(729);
        // Σ over k reds of C(6,k)·2^(6−k) combinations (the others green or amber) × 2^k subsets = 4^6.
        assertThat(judged).isEqualTo(4096);
        // Ready: every combination's full waiver (729) — each combination has exactly one subset waiving all its reds.
        assertThat(ready).isEqualTo(729);
    }

    @Test
    void aMissingCriterionCountsAsRedAndCannotBeWaived() {
        Map<Criterion, Score> five = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            five.put(criterion, Score.GREEN);
        }
        five.remove(Criterion.CAPACITY);
        assertThat(Verdict.of(five, Set.of())).isEqualTo(Verdict.NEEDS_CAPABILITY_BUILDING);
        assertThat(Verdict.of(five, Set.of(Criterion.CAPACITY))).isEqualTo(Verdict.NEEDS_CAPABILITY_BUILDING);
    }
}
