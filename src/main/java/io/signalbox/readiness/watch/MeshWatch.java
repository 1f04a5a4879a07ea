package io.signalbox.readiness.watch;

import io.signalbox.catalog.domain.DomainRoster;
import io.signalbox.catalog.map.UndeclaredReads;
import io.signalbox.catalog.reporting.ProductOwners;
import io.signalbox.catalog.reporting.ProductOwners.ProductOwner;
import io.signalbox.governance.canonical.UnmappedAttributes;
import io.signalbox.governance.canonical.UnmappedAttributes.UnmappedAttribute;
import io.signalbox.identity.OwnerSightings;
import io.signalbox.identity.OwnerSightings.DomainOwner;
import io.signalbox.identity.OwnerSightings.OwnerStanding;
import io.signalbox.web.Paging;
import io.signalbox.web.Paging.PageRequest;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three lists of the council's watch over the mesh (Step 7; docs/mesh-watch.md): undeclared dependencies,
 * orphaned products and the quarterly model review. Each is read a bounded stretch at a time; none loads the catalog.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MeshWatch {

    /** Orphans on a page when the client names no size. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    /** The most items one page of any watch list may hold. */
    public static final int MAX_PAGE_SIZE = 200;

    /** Products read per statement while looking for orphans. */
    static final int OWNER_CHUNK = 500;

    /**
     * The most products one orphan page reads: a page of a catalog with few orphans ends after this many products,
     * with a cursor to go on, instead of reading the whole catalog in one request.
     */
    static final int OWNER_SCAN = 5_000;

    @Inject
    UndeclaredReads undeclaredReads;

    @Inject
    ProductOwners productOwners;

    @Inject
    OwnerSightings sightings;

    @Inject
    UnmappedAttributes unmappedAttributes;

    @Inject
    UndeclaredReadReports reports;

    @Inject
    WatchConfig config;

    @Inject
    Clock clock;

    /**
     * An undeclared read as the watch shows it.
     *
     * @param reportedAt when the job reported it to both owners; null when not reported yet
     */
    public record UndeclaredDependency(
            UndeclaredReads.Product reading, UndeclaredReads.Product read, Instant reportedAt) {}

    /**
     * A product whose named owner is no longer among its domain's owners as Signalbox knows them.
     *
     * @param ownerEmail the current version's owner, lower case
     * @param lastSeenAsOwnerAt when that person was last seen signing in as an owner of the domain; null when never
     */
    public record OrphanedProduct(
            String key,
            String title,
            String domain,
            String status,
            String ownerName,
            String ownerEmail,
            Instant lastSeenAsOwnerAt) {}

    /**
     * Reads a {@code domain} filter: blank is none; anything but a domain key is a 400 naming {@code domain}.
     *
     * @throws Refusal.Malformed when it is not a domain key
     */
    public static Optional<String> domainFilter(String domain) {
        return DomainRoster.domainFilter(domain);
    }

    /** The undeclared reads (where {@code domain} reads or is read, when given), by reading then read product key. */
    public WatchList<UndeclaredDependency> undeclaredDependencies(Optional<String> domain, PageRequest page) {
        WatchList<UndeclaredReads.Read> reads =
                WatchList.of(undeclaredReads.page(domain, page), page.size(), UndeclaredReads::sortKey);
        Map<List<String>, Instant> reported = reports.openReports(
                reads.items().stream().map(UndeclaredReads::sortKey).toList());
        List<UndeclaredDependency> items = reads.items().stream()
                .map(r -> new UndeclaredDependency(r.reading(), r.read(), reported.get(UndeclaredReads.sortKey(r))))
                .toList();
        return new WatchList<>(items, reads.after());
    }

    /**
     * The orphaned products (of {@code domain}, when given), by key: products that are not retired whose current
     * owner holds no grant for the domain and was not seen signing in as its owner within
     * {@code signalbox.watch.owner-seen-within}. Reads at most {@value #OWNER_SCAN} products per call, in chunks of
     * {@value #OWNER_CHUNK}, asking identity about each chunk's owners in one statement.
     */
    public WatchList<OrphanedProduct> orphanedProducts(Optional<String> domain, PageRequest page) {
        Instant seenSince = clock.instant().minus(config.ownerSeenWithin());
        String position = page.first() ? null : page.after(0);
        List<OrphanedProduct> found = new ArrayList<>();
        int read = 0;
        boolean exhausted = false;
        while (found.size() <= page.size() && read < OWNER_SCAN && !exhausted) {
            List<ProductOwner> chunk = productOwners.page(domain, position, Math.min(OWNER_CHUNK, OWNER_SCAN - read));
            exhausted = chunk.size() < Math.min(OWNER_CHUNK, OWNER_SCAN - read);
            Map<DomainOwner, OwnerStanding> standings = sightings.standings(chunk.stream()
                    .map(p -> new DomainOwner(p.domain(), p.ownerEmail()))
                    .toList());
            for (ProductOwner product : chunk) {
                read++;
                position = product.key();
                OwnerStanding standing = standings.get(new DomainOwner(product.domain(), product.ownerEmail()));
                if (standing == null || !standing.isCurrentOwner(seenSince)) {
                    found.add(new OrphanedProduct(
                            product.key(),
                            product.title(),
                            product.domain(),
                            product.status(),
                            product.ownerName(),
                            product.ownerEmail(),
                            standing == null ? null : standing.lastSeenAt()));
                    if (found.size() > page.size()) {
                        break;
                    }
                }
            }
        }
        if (found.size() > page.size()) {
            return WatchList.of(found, page.size(), o -> List.of(o.key()));
        }
        return new WatchList<>(found, exhausted ? null : Paging.cursor(List.of(position)));
    }

    /** Canonical attributes no live product maps, by entity then attribute. */
    public WatchList<UnmappedAttribute> modelReview(PageRequest page) {
        return WatchList.of(unmappedAttributes.page(page), page.size(), UnmappedAttributes::sortKey);
    }
}
