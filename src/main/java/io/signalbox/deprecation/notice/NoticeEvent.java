package io.signalbox.deprecation.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step in a notice's life (issued, extended, rescinded, retired): the product's history and the Atom feeds. */
@Entity
@Table(name = "deprecation_event")
public class NoticeEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long noticeId;
    public String productKey;
    public String domainKey;
    public String kind;
    public Instant at;
    public String actor;
    public String summary;
}
