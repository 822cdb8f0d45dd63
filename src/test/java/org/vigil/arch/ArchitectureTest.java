package org.vigil.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of docs/ARCHITECTURE.md, enforced as allow-lists: each layer names the layers it
 * may use, and anything not named is refused (a new arrow is a decision, made here, on purpose).
 * Only the UI touches JavaFX, view models hold no scene-graph types, no two packages depend on
 * each other in a cycle, and vendors' decoders never use each other.
 */
@AnalyzeClasses(packages = "org.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String DOMAIN = "domain";
    static final String YAML = "yaml";
    static final String PROTOCOL = "device.protocol";
    static final String TRANSPORT = "device.transport";
    static final String DEVICE = "device";
    static final String ALARM = "alarm";
    static final String CHAIR = "chair";
    static final String SESSION = "session";
    static final String STORAGE = "storage";
    static final String REVIEW = "review";
    static final String EXPORT = "export";
    static final String CONFIG = "config";
    static final String ACCESS = "access";
    static final String SECURITY = "security";
    static final String UI = "ui";
    static final String APP = "app";
    static final String SIM = "sim";

    @ArchTest
    static final ArchRule layersUseOnlyWhatTheyAreAllowed = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer(DOMAIN).definedBy("org.vigil.domain..")
            .layer(YAML).definedBy("org.vigil.yaml..")
            .layer(PROTOCOL).definedBy("org.vigil.device.protocol..")
            .layer(TRANSPORT).definedBy("org.vigil.device.transport..")
            .layer(DEVICE).definedBy("org.vigil.device")
            .layer(ALARM).definedBy("org.vigil.alarm..")
            .layer(CHAIR).definedBy("org.vigil.chair..")
            .layer(SESSION).definedBy("org.vigil.session..")
            .layer(STORAGE).definedBy("org.vigil.storage..")
            .layer(REVIEW).definedBy("org.vigil.review..")
            .layer(EXPORT).definedBy("org.vigil.export..")
            .layer(CONFIG).definedBy("org.vigil.config..")
            .layer(ACCESS).definedBy("org.vigil.access..")
            .layer(SECURITY).definedBy("org.vigil.security..")
            .layer(UI).definedBy("org.vigil.ui..")
            .layer(APP).definedBy("org.vigil.app..")
            .layer(SIM).definedBy("org.vigil.sim..")

            .whereLayer(DOMAIN).mayNotAccessAnyLayer()
            .whereLayer(YAML).mayOnlyAccessLayers(DOMAIN)
            .whereLayer(PROTOCOL).mayOnlyAccessLayers(DOMAIN)
            // a transport opens a link with the serial settings a protocol asks for, nothing more
            .whereLayer(TRANSPORT).mayOnlyAccessLayers(DOMAIN, PROTOCOL)
            .whereLayer(DEVICE).mayOnlyAccessLayers(DOMAIN, PROTOCOL, TRANSPORT)
            .whereLayer(ALARM).mayOnlyAccessLayers(DOMAIN)
            // the clinical session: rules and state of one infusion, on an injected clock, nothing running
            .whereLayer(SESSION).mayOnlyAccessLayers(DOMAIN, ALARM)
            // the chair runs all day and hosts the clinical session of the patient in it
            // ... and asks the authorizer (access) whether the actor may run a command; never accounts or storage
            .whereLayer(CHAIR).mayOnlyAccessLayers(DOMAIN, PROTOCOL, DEVICE, ALARM, SESSION, ACCESS)
            .whereLayer(STORAGE).mayOnlyAccessLayers(DOMAIN, ALARM, SESSION)
            // the read side: past sessions from the database, never the chair runtime or a device
            .whereLayer(REVIEW).mayOnlyAccessLayers(DOMAIN, ALARM, SESSION, STORAGE)
            // who may run which command: a pure table of roles and commands
            .whereLayer(ACCESS).mayOnlyAccessLayers(DOMAIN)
            // accounts, sign-in, lockout and the audit trail (they store)
            .whereLayer(SECURITY).mayOnlyAccessLayers(DOMAIN, ACCESS, STORAGE)
            // the read side's exporters: stored sessions out as files and messages; never the chair runtime or the UI
            .whereLayer(EXPORT).mayOnlyAccessLayers(DOMAIN, ALARM, SESSION, STORAGE, REVIEW)
            // a device's protocol key is looked up in the ProtocolRegistry (device), nothing else of device
            .whereLayer(CONFIG).mayOnlyAccessLayers(DOMAIN, YAML, PROTOCOL, DEVICE, ALARM, SESSION)
            // the export dialog runs an export (formats, progress, cancel) on a background task
            .whereLayer(UI).mayOnlyAccessLayers(DOMAIN, ALARM, CHAIR, SESSION, REVIEW, EXPORT, ACCESS, SECURITY)
            .whereLayer(SIM).mayOnlyAccessLayers(DOMAIN, YAML, PROTOCOL, TRANSPORT)
            .whereLayer(APP).mayOnlyAccessLayers(
                    DOMAIN, YAML, PROTOCOL, TRANSPORT, DEVICE, ALARM, CHAIR, SESSION, STORAGE, REVIEW, EXPORT, CONFIG, ACCESS,
                    SECURITY, UI,
                    SIM)

            .whereLayer(APP).mayNotBeAccessedByAnyLayer()
            .whereLayer(UI).mayOnlyBeAccessedByLayers(APP)
            .because("docs/ARCHITECTURE.md: layers reach down only, along the arrows listed there");

    @ArchTest
    static final ArchRule noPackageCycles = slices()
            .matching("org.vigil.(**)")
            .should().beFreeOfCycles()
            .because("a cycle between packages makes two layers one");

    @ArchTest
    static final ArchRule vendorsDecodersAreIndependent = slices()
            .matching("org.vigil.device.protocol.(*)..")
            .should().notDependOnEachOther()
            .because("a protocol is a plug-in: one vendor's decoder never uses another's");

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.vigil.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("everything except the UI must compile and run without JavaFX");

    @ArchTest
    static final ArchRule viewModelsHoldNoSceneGraph = noClasses()
            .that().resideInAPackage("org.vigil.ui..")
            .and().haveSimpleNameEndingWith("Model")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("a view model is tested without a window: it holds state and commands, never nodes");

    @ArchTest
    static final ArchRule chartArithmeticIsFreeOfJavaFx = noClasses()
            .that().resideInAPackage("org.vigil.ui.chart")
            .and().haveNameNotMatching(".*\\.(TrendChart|ChartPainter)(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the review chart's data, downsampling and view arithmetic are tested without a window;"
                    + " only the canvas node and its painter draw");

    @ArchTest
    static final ArchRule sessionListQueryPathIsFreeOfJavaFx = noClasses()
            .that().resideInAPackage("org.vigil.ui.review")
            .and().haveNameMatching(".*\\.(SessionListQuery|SessionListTexts|ListedSession)(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the session list is read and its texts made on the review's query thread, never the FX thread;"
                    + " only the model's UI executor touches what is shown");

    @ArchTest
    static final ArchRule yamlLayerUsesOnlyItsParser = noClasses()
            .that().resideInAPackage("org.vigil.yaml..")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "org.vigil.yaml..", "org.vigil.domain..", "java..", "com.fasterxml.jackson..", "org.yaml.snakeyaml..")
            .because("the YAML layer is shared by the station configuration and the simulators");
}
