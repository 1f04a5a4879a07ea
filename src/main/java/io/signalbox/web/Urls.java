package io.signalbox.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Values placed in a link's query string, as {@code {value.urlEncoded}} in templates. */
@TemplateExtension
public final class Urls {

    private Urls() {}

    public static String urlEncoded(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
