package io.signalbox.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the real PostgreSQL and the real identity provider once for the whole test run. */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = false)
public final class UsesPostgres {
    private UsesPostgres() {}
}
