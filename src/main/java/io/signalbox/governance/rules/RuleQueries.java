package io.signalbox.governance.rules;

import io.signalbox.governance.rules.RuleViews.RuleSetView;
import io.signalbox.governance.rules.RuleViews.RuleView;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.Page;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** Reads for the rules page and API. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RuleQueries {

    /** Page sizes of the rule-set history: default and maximum. */
    public static final int DEFAULT_SIZE = 50, MAX_SIZE = 200;

    @Inject
    EntityManager em;

    /**
     * Every rule in the council's order. Not paged: a rule is one of the checks the portal's code carries (the rows are
     * seeded by migrations and only changed, never added, through the API), so the list is as long as the code makes
     * it, a dozen today.
     */
    public List<RuleView> rules() {
        return GovernanceRule.listInOrder().stream().map(RuleView::of).toList();
    }

    public RuleView rule(String id) {
        return GovernanceRule.<GovernanceRule>findByIdOptional(id)
                .map(RuleView::of)
                .orElseThrow(() -> Refusal.notFound("There is no rule '" + id + "'."));
    }

    /**
     * One page of the rule-set history, newest version first (it grows with every council change); the cursor is the
     * last version shown. Reads the summary only, never the rules each version kept.
     */
    public Page<RuleSetView> ruleSets(PageRequest page, String path) {
        List<RuleSetView> rows = em.createQuery(
                        "select new io.signalbox.governance.rules.RuleViews$RuleSetView(v.version, v.createdAt,"
                                + " v.createdBy, v.summary) from RuleSetVersion v where v.version < :after"
                                + " order by v.version desc",
                        RuleSetView.class)
                .setParameter("after", page.first() ? Integer.MAX_VALUE : page.after(0, Integer::parseInt))
                .setMaxResults(page.limitWithLookahead())
                .getResultList();
        return Paging.page(rows, page, v -> List.of(Integer.toString(v.version())), path, Map.of());
    }
}
