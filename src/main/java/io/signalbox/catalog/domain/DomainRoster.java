package io.signalbox.catalog.domain;

import io.signalbox.catalog.descriptor.DescriptorReader;
import io.signalbox.catalog.model.Domain;
import io.signalbox.web.FieldProblem;
import io.signalbox.web.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered domains as other features read them in bulk (the readiness heatmap, its reminders): names of a page
 * of keys, how many domains there are, the keys in order a page at a time, and a domain's accountable people. Every
 * answer is bounded by the caller's limit or the keys it passes.
 */
@ApplicationScoped
public class DomainRoster {

    /** The most keys one call of {@link #namesOf} or {@link #countRegistered} takes. */
    public static final int MAX_KEYS = 1000;

    @Inject
    EntityManager em;

    /**
     * Reads a {@code domain} query parameter that filters a list by domain (the council's watch, the SLA page): blank
     * is no filter; anything but a domain key is a 400 naming {@code domain}.
     *
     * @throws Refusal.Malformed when it is not a domain key
     */
    public static Optional<String> domainFilter(String domain) {
        if (domain == null || domain.isBlank()) {
            return Optional.empty();
        }
        String key = domain.strip();
        if (!DescriptorReader.DOMAIN_KEY.matcher(key).matches()) {
            throw Refusal.malformed(
                    "The domain filter is not a domain key",
                    List.of(new FieldProblem(
                            "domain", "must be a domain key: a lower-case letter, then 1 to 39 of a-z, 0-9 or -")));
        }
        return Optional.of(key);
    }

    /** A domain's key, its name and the people the catalog names as accountable (free text, as registered). */
    public record Contacts(String key, String name, String businessOwner, String technicalContact) {}

    /** The names of the registered domains among {@code keys} (at most {@link #MAX_KEYS}), by key. */
    @Transactional(TxType.SUPPORTS)
    public Map<String, String> namesOf(Collection<String> keys) {
        refuseTooMany(keys);
        Map<String, String> names = new HashMap<>();
        if (keys.isEmpty()) {
            return names;
        }
        em.createQuery("select d.key, d.name from Domain d where d.key in :keys", Object[].class)
                .setParameter("keys", keys)
                .getResultList()
                .forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    /** How many domains are registered. */
    @Transactional(TxType.SUPPORTS)
    public long count() {
        return em.createQuery("select count(d) from Domain d", Long.class).getSingleResult();
    }

    /** How many of {@code keys} (at most {@link #MAX_KEYS}) are registered domains. */
    @Transactional(TxType.SUPPORTS)
    public long countRegistered(Collection<String> keys) {
        refuseTooMany(keys);
        if (keys.isEmpty()) {
            return 0;
        }
        return em.createQuery("select count(d) from Domain d where d.key in :keys", Long.class)
                .setParameter("keys", keys)
                .getSingleResult();
    }

    /**
     * Up to {@code limit} registered domains after {@code afterKey} (null: from the first) in the order of their key,
     * through the key's unique index.
     */
    @Transactional(TxType.SUPPORTS)
    public List<DomainService.DomainRef> keysAfter(String afterKey, int limit) {
        var query = em.createQuery(
                        "select d.id, d.key, d.name from Domain d"
                                + (afterKey == null ? "" : " where d.key > :after")
                                + " order by d.key",
                        Object[].class)
                .setMaxResults(limit);
        if (afterKey != null) {
            query.setParameter("after", afterKey);
        }
        return query.getResultList().stream()
                .map(r -> new DomainService.DomainRef((Long) r[0], (String) r[1], (String) r[2]))
                .toList();
    }

    /** The domain's accountable people; empty when no domain has that key. */
    @Transactional(TxType.SUPPORTS)
    public Optional<Contacts> contactsOf(String key) {
        return Domain.findByKey(key).map(d -> new Contacts(d.key, d.name, d.businessOwner, d.technicalContact));
    }

    private static void refuseTooMany(Collection<String> keys) {
        if (keys.size() > MAX_KEYS) {
            throw new IllegalArgumentException("at most " + MAX_KEYS + " keys at once, not " + keys.size());
        }
    }
}
