package io.signalbox.governance.canonical;

import java.util.List;

/**
 * The glossary terms that domains link to a canonical entity, for the entity's page. The canonical model owns this
 * port and the glossary answers it, because glossary terms point at the model, not the other way round.
 */
public interface GlossaryLinks {

    /** The first {@code limit} terms of every domain linked to {@code entity} or one of its attributes, by term. */
    List<EntityViews.LinkedTerm> linkedTo(String entity, int limit);
}
