package io.signalbox.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walls between features (docs/architecture.md), checked on the compiled classes: features meet through services,
 * events and ports, never in cycles; the shared layers know no feature; resources stay thin.
 */
class ArchitectureTest {

    private static final String[] FEATURES = {
        "io.signalbox.catalog..",
        "io.signalbox.governance..",
        "io.signalbox.search..",
        "io.signalbox.demo..",
        "io.signalbox.launcher..",
        "io.signalbox.deprecation..",
        "io.signalbox.notification..",
        "io.signalbox.readiness..",
        "io.signalbox.freshness.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.signalbox");
    }

    @Test
    void noPackageIsPartOfACycle() {
        // Every package is its own slice, so a cycle between two capabilities of one feature counts too.
        slices().matching("io.signalbox.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void webAndIdentityKnowNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage("io.signalbox.web..", "io.signalbox.identity..", "io.signalbox.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURES)
                .check(classes);
    }

    @Test
    void theCatalogKnowsNeitherGovernanceNorSearchNorTheLauncher() {
        noClasses()
                .that()
                .resideInAPackage("io.signalbox.catalog..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.signalbox.governance..",
                        "io.signalbox.search..",
                        "io.signalbox.launcher..",
                        "io.signalbox.demo..",
                        "io.signalbox.readiness..")
                .check(classes);
    }

    @Test
    void resourcesLeaveEntitiesToServices() {
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "a static method of an entity",
                        (JavaCall<?> call) -> call.getTarget().getOwner().isAnnotatedWith(Entity.class)
                                && call.getTarget()
                                        .resolveMember()
                                        .map(m -> m.getModifiers().contains(JavaModifier.STATIC))
                                        .orElse(false)))
                .check(classes);
    }
}
