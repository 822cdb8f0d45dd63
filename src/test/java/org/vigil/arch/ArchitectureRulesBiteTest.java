package org.vigil.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules in {@link ArchitectureTest} refuse the arrows that an older deny-list let through:
 * test-only classes with such arrows are added to the production classes, and each rule must
 * name the ones it refuses (while the production classes alone pass).
 */
class ArchitectureRulesBiteTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vigil");

    /** The production classes plus the test-only fixtures named {@code ArchFixture*}. */
    private static final JavaClasses WITH_FIXTURES = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/") || location.contains("/ArchFixture"))
            .importPackages("org.vigil");

    @ParameterizedTest(name = "{0} is refused by {1}")
    @CsvSource({
            "org.vigil.config.ArchFixtureConfigUsesStorage, layers",
            "org.vigil.config.ArchFixtureConfigUsesSession, layers",
            "org.vigil.ui.ArchFixtureUiUsesDevice, layers",
            "org.vigil.device.protocol.ArchFixtureProtocolUsesTransport, cycles",
    })
    void aForbiddenArrowIsNamed(String fixture, String ruleName) {
        ArchRule rule = ruleName.equals("layers")
                ? ArchitectureTest.layersUseOnlyWhatTheyAreAllowed
                : ArchitectureTest.noPackageCycles;
        assertFalse(rule.evaluate(PRODUCTION).hasViolation(), "production classes alone pass " + ruleName);

        EvaluationResult result = rule.evaluate(WITH_FIXTURES);
        assertTrue(result.hasViolation(), fixture + " should violate " + ruleName);
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains(fixture.substring(fixture.lastIndexOf('.') + 1)),
                () -> "the report names the fixture:\n" + report);
    }
}
