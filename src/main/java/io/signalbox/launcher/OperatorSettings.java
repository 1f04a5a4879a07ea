package io.signalbox.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Answers, before Quarkus starts, whether the operator configured a setting anywhere Quarkus would read it: a system
 * property, an environment variable, {@code .env} or {@code config/application.properties} in the working directory.
 * The launcher asks so that it never starts a local stand-in (database, identity provider) the operator replaced.
 */
final class OperatorSettings {

    private OperatorSettings() {}

    static boolean isSet(String property) {
        String environmentName = property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return System.getProperty(property) != null
                || System.getenv(environmentName) != null
                || fileDefines(Path.of(".env"), environmentName)
                || fileDefines(Path.of("config", "application.properties"), property);
    }

    private static boolean fileDefines(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        String value = properties.getProperty(key);
        return value != null && !value.isBlank();
    }
}
