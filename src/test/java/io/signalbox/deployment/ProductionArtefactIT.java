package io.signalbox.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The production artefact ({@code ./mvnw -Dproduction package}, built by the verify build before the integration
 * tests into {@code target/production/quarkus-app}) carries neither the local launcher nor its stand-ins: no embedded
 * PostgreSQL, no Keycloak, no GreenMail. That it runs is proven by the replica tests, which start their portals from
 * it (testing.PortalProcess).
 */
class ProductionArtefactIT {

    private static final Path APPLICATION = Path.of("target", "production", "quarkus-app");

    @Test
    void theProductionArtefactLeavesTheLauncherAndItsStandInsOut() throws IOException {
        assertThat(APPLICATION.resolve("quarkus-run.jar")).isRegularFile();
        List<String> libraries;
        try (Stream<Path> files = Files.list(APPLICATION.resolve("lib").resolve("main"))) {
            libraries = files.map(f -> f.getFileName().toString()).toList();
        }
        assertThat(libraries).isNotEmpty().noneMatch(name -> name.startsWith("io.zonky"));
        assertThat(libraries).noneMatch(name -> name.contains("greenmail") || name.contains("keycloak"));
        assertThat(libraries).anyMatch(name -> name.startsWith("org.postgresql"));

        Path applicationJar;
        try (Stream<Path> jars = Files.list(APPLICATION.resolve("app"))) {
            applicationJar =
                    jars.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        try (JarFile jar = new JarFile(applicationJar.toFile())) {
            List<String> classes = jar.stream().map(e -> e.getName()).toList();
            assertThat(classes).anyMatch(name -> name.startsWith("io/signalbox/catalog/"));
            assertThat(classes).noneMatch(name -> name.startsWith("io/signalbox/launcher/"));
        }
        assertThat(Path.of("target", "production", "keycloak")).doesNotExist();
        assertThat(Path.of("target", "production", "greenmail")).doesNotExist();
    }
}
