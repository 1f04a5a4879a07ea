package io.signalbox.catalog.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a data product stands in its life: only published products are meant for new consumers. */
public enum LifecycleStatus {
    DRAFT,
    PUBLISHED,
    DEPRECATED,
    RETIRED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LifecycleStatus> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<LifecycleStatus, String> {
        @Override
        public String convertToDatabaseColumn(LifecycleStatus status) {
            return status == null ? null : status.label();
        }

        @Override
        public LifecycleStatus convertToEntityAttribute(String label) {
            return label == null ? null : fromLabel(label).orElseThrow();
        }
    }
}
