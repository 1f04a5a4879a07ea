package io.signalbox.governance.rules;

import io.signalbox.governance.rules.RuleViews.RuleSetView;
import io.signalbox.governance.rules.RuleViews.RuleView;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads for the rules page and API. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RuleQueries {

    public List<RuleView> rules() {
        return GovernanceRule.listInOrder().stream().map(RuleView::of).toList();
    }

    public RuleView rule(String id) {
        return GovernanceRule.<GovernanceRule>findByIdOptional(id)
                .map(RuleView::of)
                .orElseThrow(() -> Refusal.notFound("There is no rule '" + id + "'."));
    }

    public List<RuleSetView> ruleSets() {
        return RuleSetVersion.<RuleSetVersion>list("order by version desc").stream()
                .map(v -> new RuleSetView(v.version, v.createdAt, v.createdBy, v.summary))
                .toList();
    }
}
