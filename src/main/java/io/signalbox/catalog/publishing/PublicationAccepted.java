package io.signalbox.catalog.publishing;

import io.signalbox.catalog.model.DataProduct;
import io.signalbox.catalog.model.ProductVersion;

/**
 * Fired synchronously inside the transaction of every publication that wrote a new version, after the version is
 * stored and before the transaction commits: observers (governance keeps the warnings and judges the product's
 * standing from the verdict; later, deprecation and notification) write in the same transaction, so either all of it
 * is stored or none. {@code verdict} is the gate's verdict the publication passed with.
 */
public record PublicationAccepted(DataProduct product, ProductVersion version, PublicationGate.Verdict verdict) {}
