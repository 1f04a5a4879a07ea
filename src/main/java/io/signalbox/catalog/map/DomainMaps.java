package io.signalbox.catalog.map;

import io.signalbox.catalog.map.DomainDependencies.Mesh;
import io.signalbox.catalog.map.MapLayout.Box;
import io.signalbox.catalog.map.MapLayout.Link;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Draws the domain map: the mesh from {@link DomainDependencies} (two statements), its layout from {@link MapLayout}
 * (kept while the graph stays the same), together as one {@link DomainMap}, kept while the catalog's fingerprint stays
 * the same.
 */
@ApplicationScoped
public class DomainMaps {

    @Inject
    DomainDependencies dependencies;

    @Inject
    MapLayout layout;

    private record Kept(String fingerprint, DomainMap map) {}

    /** The last map drawn, with the fingerprint of the catalog it was drawn from. */
    private final AtomicReference<Kept> kept = new AtomicReference<>();

    /**
     * The map of every registered domain and every dependency edge between them, as of now: the last one drawn while
     * the catalog's {@link DomainDependencies#fingerprint() fingerprint} is the same (one cheap statement), a new one
     * otherwise. The fingerprint is read from PostgreSQL, so every instance of the portal sees every change.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DomainMap current() {
        String fingerprint = dependencies.fingerprint();
        Kept last = kept.get();
        if (last != null && last.fingerprint().equals(fingerprint)) {
            return last.map();
        }
        DomainMap map = draw();
        kept.set(new Kept(fingerprint, map));
        return map;
    }

    private DomainMap draw() {
        Mesh mesh = dependencies.mesh();
        List<Box> boxes = mesh.domains().stream()
                .map(d -> new Box(
                        d.key(),
                        DomainMap.boxWidth(new DomainMap.Node(d.key(), d.name(), 0, 0, 0, 0, 0).label()),
                        DomainMap.BOX_HEIGHT))
                .toList();
        List<Link> links =
                mesh.edges().stream().map(e -> new Link(e.from(), e.to())).toList();
        return DomainMap.of(mesh, layout.of(boxes, links));
    }
}
