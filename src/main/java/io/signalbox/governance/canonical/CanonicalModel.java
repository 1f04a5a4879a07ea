package io.signalbox.governance.canonical;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The council's canonical entities as one evaluation sees them: read once, detached, cheap to ask. */
public record CanonicalModel(Map<String, Entity> entities) {

    public record Attribute(String name, String dataType, String meaning, String systemOfRecord, boolean mandatory) {}

    public record Entity(
            String name,
            String identifierAttribute,
            Pattern identifierFormat,
            String identifierExample,
            String lifecycleAttribute,
            List<String> lifecycleVocabulary,
            Map<String, Attribute> attributes) {

        public String qualified(String attribute) {
            return name + "." + attribute;
        }
    }

    public static CanonicalModel load() {
        Map<String, Entity> entities = new LinkedHashMap<>();
        for (CanonicalEntity e : CanonicalEntity.listByName()) {
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            e.attributes.forEach(a -> attributes.put(
                    a.name, new Attribute(a.name, a.dataType, a.meaning, a.systemOfRecord, a.mandatory)));
            entities.put(
                    e.name,
                    new Entity(
                            e.name,
                            e.identifierAttribute,
                            e.identifierPattern(),
                            e.identifierExample,
                            e.lifecycleAttribute,
                            List.copyOf(e.lifecycleVocabulary),
                            attributes));
        }
        return new CanonicalModel(entities);
    }

    public Optional<Entity> entity(String name) {
        return Optional.ofNullable(entities.get(name));
    }

    /** "Service.service_id" → the entity and attribute, when both exist. */
    public Optional<Attribute> attribute(String qualified) {
        int dot = qualified == null ? -1 : qualified.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return entity(qualified.substring(0, dot)).map(e -> e.attributes().get(qualified.substring(dot + 1)));
    }

    public Collection<Entity> all() {
        return entities.values();
    }

    public Set<String> names() {
        return new TreeSet<>(entities.keySet());
    }
}
