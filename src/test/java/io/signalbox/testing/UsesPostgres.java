package io.signalbox.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link PostgresTestResource} once for the whole test run. */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
public final class UsesPostgres {
    private UsesPostgres() {}
}
