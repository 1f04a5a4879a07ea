package io.signalbox.governance.canonical;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An architecture decision record behind the shape of a canonical entity: context, decision, consequences. */
@Entity
@Table(name = "decision_record")
public class DecisionRecord extends PanacheEntityBase {

    public static final List<String> STATUSES = List.of("proposed", "accepted", "superseded", "rejected");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long entityId;
    public String title;
    public String context;
    public String decision;
    public String consequences;
    public String status;
    public LocalDate decidedOn;
    public Instant createdAt;
    public String createdBy;

    /** The entity's {@code limit} latest, newest first. */
    public static List<DecisionRecord> latestOfEntity(long entityId, int limit) {
        return find("entityId = ?1 order by id desc", entityId)
                .range(0, limit - 1)
                .list();
    }

    /** How people cite it: ADR-7. */
    public String reference() {
        return "ADR-" + id;
    }
}
