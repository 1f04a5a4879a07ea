package io.signalbox.governance.rules.checks;

import static io.signalbox.governance.rules.ProposalBuilder.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import io.signalbox.governance.rules.CheckRun;
import io.signalbox.governance.rules.Findings.Found;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreshnessDeclaredCheckTest {

    private final FreshnessDeclaredCheck check = new FreshnessDeclaredCheck();

    @Test
    void checksTheCouncilsRule() {
        assertThat(check.ruleId()).isEqualTo("freshness-declared");
    }

    @ParameterizedTest
    @ValueSource(strings = {"daily by 06:00 UTC", "15 minutes", "hourly"})
    void aProductThatDeclaresFreshnessPasses(String freshness) {
        assertThat(CheckRun.findingsOf(check, aProduct().freshness(freshness).build()))
                .isEmpty();
    }

    @Test
    void aProductWithoutAFreshnessSlaIsFound() {
        List<Found> found =
                CheckRun.findingsOf(check, aProduct().withoutFreshness().build());

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("contracts.slaProperties");
            assertThat(f.problem()).isEqualTo("no freshness is declared");
            assertThat(f.fix()).contains("property: freshness", "latency", "frequency");
        });
    }

    @Test
    void anAvailabilitySlaIsNoFreshness() {
        // The builder keeps its availability SLA when freshness is left out.
        var proposal = aProduct().withoutFreshness().build();
        assertThat(proposal.descriptor().slaAvailability()).isNotNull();

        assertThat(CheckRun.findingsOf(check, proposal)).hasSize(1);
    }
}
