package io.signalbox.identity;

/**
 * What identity needs to know of domains, answered by the catalog that registers them: whether a key names a
 * registered domain, and its name for people. Keeps identity free of the catalog's classes, so the catalog may use
 * identity (who is calling, the audit trail) without a cycle.
 */
public interface DomainDirectory {

    /**
     * The display name of the registered domain {@code key}.
     *
     * @throws io.signalbox.web.Refusal.NotFound when no domain has that key
     */
    String nameOf(String key);
}
