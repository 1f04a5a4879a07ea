package io.signalbox.catalog.map;

import io.signalbox.web.FieldProblem;
import java.util.Optional;
import java.util.Set;

/**
 * Domain keys no domain may take, because a page of their own sits where that domain's pages would:
 * {@code /domains/map} and {@code /api/domains/map} are the domain map. {@code DomainService} refuses them at
 * registration, and {@code PUT /api/domains/map} (which the map's own route answers) says the same.
 */
public final class ReservedDomainKeys {

    /** The reserved keys. */
    public static final Set<String> KEYS = Set.of("map");

    private ReservedDomainKeys() {}

    /** The problem with {@code key}, naming the field {@code key}, when it is reserved; empty otherwise. */
    public static Optional<FieldProblem> problemWith(String key) {
        return KEYS.contains(key)
                ? Optional.of(new FieldProblem(
                        "key",
                        "'" + key + "' is reserved: /domains/" + key + " is a page of its own; choose another key"))
                : Optional.empty();
    }
}
