package io.signalbox.catalog.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How sensitive data is, from least to most: the order matters when a product's label is derived from columns. */
public enum Classification {
    PUBLIC,
    INTERNAL,
    CONFIDENTIAL,
    RESTRICTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Classification> fromLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.label().equals(wanted)).findFirst();
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<Classification, String> {
        @Override
        public String convertToDatabaseColumn(Classification classification) {
            return classification == null ? null : classification.label();
        }

        @Override
        public Classification convertToEntityAttribute(String label) {
            return label == null ? null : fromLabel(label).orElseThrow();
        }
    }
}
