package io.signalbox.governance.rules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.signalbox.catalog.model.Classification;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A name the council accepts for a classification level, such as {@code sensitive} for confidential. */
@Entity
@Table(name = "classification_alias")
public class ClassificationAlias extends PanacheEntityBase {

    /** Lowercase, as matched: descriptors may write it in any case. */
    @Id
    public String alias;

    public Classification classification;
    public Instant createdAt;
    public String createdBy;

    public static List<ClassificationAlias> listByAlias() {
        return list("order by alias");
    }
}
