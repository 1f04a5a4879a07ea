package io.signalbox.governance.rules;

import io.signalbox.catalog.descriptor.ProductDescriptor;
import io.signalbox.catalog.descriptor.ProductDescriptor.ColumnSpec;
import io.signalbox.catalog.model.ProductVersion;
import io.signalbox.governance.canonical.CanonicalModel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A publication under evaluation: the descriptor, the version it succeeds (if any) with the schema changes between
 * them, and the canonical model it is judged against.
 */
public record Proposal(
        ProductDescriptor descriptor,
        Optional<ProductVersion> previous,
        List<SchemaDiff.Change> schemaChanges,
        CanonicalModel model) {

    /** Where a column is in the descriptor, as a domain owner reads it: schema.&lt;object&gt;.&lt;column&gt;. */
    public static String path(ColumnSpec column) {
        return "schema." + column.objectName() + "." + column.name();
    }

    /** The last segment of a (possibly nested) column name: "address.customer_id" → "customer_id". */
    public static String leafName(ColumnSpec column) {
        int dot = column.name().lastIndexOf('.');
        return dot < 0 ? column.name() : column.name().substring(dot + 1);
    }

    /** The canonical entities this product maps at least one column to. */
    public Set<String> implementedEntities() {
        Set<String> entities = new LinkedHashSet<>();
        for (ColumnSpec column : descriptor.columns()) {
            String canonical = column.canonicalAttribute();
            if (canonical != null && canonical.contains(".")) {
                String entity = canonical.substring(0, canonical.indexOf('.'));
                if (model.entity(entity).isPresent()) {
                    entities.add(entity);
                }
            }
        }
        return entities;
    }
}
