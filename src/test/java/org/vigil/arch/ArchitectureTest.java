package org.vigil.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of docs/ARCHITECTURE.md, enforced: only the UI touches JavaFX, and lower layers
 * never reach up.
 */
@AnalyzeClasses(packages = "org.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.vigil.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("everything except the UI must compile and run without JavaFX");

    @ArchTest
    static final ArchRule domainDependsOnNothingElse = noClasses()
            .that().resideInAPackage("org.vigil.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.vigil.device..", "org.vigil.alarm..", "org.vigil.session..", "org.vigil.storage..",
                    "org.vigil.export..", "org.vigil.config..", "org.vigil.ui..", "org.vigil.app..", "org.vigil.sim..");

    @ArchTest
    static final ArchRule devicesKnowNoAlarmsSessionsOrStorage = noClasses()
            .that().resideInAPackage("org.vigil.device..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.vigil.alarm..", "org.vigil.session..", "org.vigil.storage..", "org.vigil.export..",
                    "org.vigil.config..", "org.vigil.ui..", "org.vigil.app..", "org.vigil.sim..");

    @ArchTest
    static final ArchRule alarmsNeedOnlyTheDomain = noClasses()
            .that().resideInAPackage("org.vigil.alarm..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.vigil.device..", "org.vigil.session..", "org.vigil.storage..", "org.vigil.export..",
                    "org.vigil.config..", "org.vigil.ui..", "org.vigil.app..", "org.vigil.sim..")
            .because("alarms must never depend on the UI, the database or the devices being alive");

    @ArchTest
    static final ArchRule storageDoesNotReachUp = noClasses()
            .that().resideInAPackage("org.vigil.storage..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.vigil.device..", "org.vigil.session..", "org.vigil.ui..", "org.vigil.app..", "org.vigil.sim..");

    @ArchTest
    static final ArchRule sessionCoreIsIndependentOfStorageUiAndWiring = noClasses()
            .that().resideInAPackage("org.vigil.session..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.vigil.storage..", "org.vigil.ui..", "org.vigil.app..", "org.vigil.config..", "org.vigil.sim..");

    @ArchTest
    static final ArchRule uiDoesNotTouchDevicesOrStorageDirectly = noClasses()
            .that().resideInAPackage("org.vigil.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.vigil.device.transport..", "org.vigil.storage..", "org.vigil.app..", "org.vigil.sim..");

    @ArchTest
    static final ArchRule simulatorsAreIndependentOfTheStation = noClasses()
            .that().resideInAPackage("org.vigil.sim..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.vigil.alarm..", "org.vigil.session..", "org.vigil.storage..", "org.vigil.ui..", "org.vigil.app..",
                    "org.vigil.config..");

    @ArchTest
    static final ArchRule yamlLayerNeedsOnlyTheDomain = classes()
            .that().resideInAPackage("org.vigil.yaml..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "org.vigil.yaml..", "org.vigil.domain..", "java..", "com.fasterxml.jackson..", "org.yaml.snakeyaml..")
            .because("the YAML layer is shared by the station configuration and the simulators");
}
