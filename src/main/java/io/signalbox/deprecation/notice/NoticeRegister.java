package io.signalbox.deprecation.notice;

import io.signalbox.catalog.lifecycle.DeprecationNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Answers the catalog's {@link DeprecationNotices} port from the notices table. */
@ApplicationScoped
public class NoticeRegister implements DeprecationNotices {

    @Override
    @Transactional
    public Optional<Notice> noticeFor(String productKey, int major) {
        // A line's own notice wins over one for the whole product; an active notice over a retired one.
        return DeprecationNotice.<DeprecationNotice>find(
                        "productKey = ?1 and (majorVersion is null or majorVersion = ?2) and state <> ?3"
                                + " order by case when state = 'active' then 0 else 1 end,"
                                + " case when majorVersion is null then 1 else 0 end, id desc",
                        productKey,
                        major,
                        DeprecationNotice.RESCINDED)
                .firstResultOptional()
                .map(NoticeRegister::view);
    }

    static Notice view(DeprecationNotice n) {
        return new Notice(
                n.id,
                n.productKey,
                n.majorVersion,
                n.state,
                n.sunset,
                n.sunsetAt,
                n.issuedAt,
                n.issuedBy,
                n.reason,
                n.successorKey,
                n.successorVersion,
                n.noSuccessorReason,
                n.migrationGuide);
    }
}
