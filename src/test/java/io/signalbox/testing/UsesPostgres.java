package io.signalbox.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the real PostgreSQL, the real identity provider and the real SMTP server once for the whole test run (every
 * test class shares one application, so they all see the same three).
 */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = false)
public final class UsesPostgres {
    private UsesPostgres() {}
}
