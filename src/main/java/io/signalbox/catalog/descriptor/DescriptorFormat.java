package io.signalbox.catalog.descriptor;

import java.util.Locale;

/** The two spellings of a descriptor. JSON is chosen by a JSON media type; everything else is read as YAML. */
public enum DescriptorFormat {
    YAML,
    JSON;

    public static DescriptorFormat fromMediaType(String mediaType) {
        if (mediaType != null && mediaType.toLowerCase(Locale.ROOT).contains("json")) {
            return JSON;
        }
        return YAML;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
