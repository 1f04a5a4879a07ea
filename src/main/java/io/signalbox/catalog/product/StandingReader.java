package io.signalbox.catalog.product;

import io.signalbox.catalog.publishing.PublicationGate.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The narrow read port through which product pages show how a product stands against the council's rules. The catalog
 * owns it; governance answers it, so the dependency points from governance to the catalog.
 */
public interface StandingReader {

    /** The latest judgement of a product (publication warnings and measurements); empty if it was never judged. */
    Optional<Standing> standingOf(long productId);

    /** The warnings a version was published with, in the order the gate found them. */
    List<Finding> warningsOf(long versionId);

    /** {@code status} is passing, warning or failing; {@code findings} are what stands against the product now. */
    record Standing(String status, Instant evaluatedAt, List<Finding> findings) {}
}
