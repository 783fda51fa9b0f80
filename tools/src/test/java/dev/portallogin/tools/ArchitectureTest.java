package dev.portallogin.tools;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape STYLE.md describes, checked over core and every function module (the tools module depends on them
 * all): no package cycles; the domain and the ports know nothing of AWS or HTTP; only the composition root knows
 * the adapters; each function's use cases are free of the AWS SDK, of HTTP and event types and of adapters; its
 * handler parses, calls use cases and answers, never a port, an adapter of one or an SDK client itself; and no
 * function reaches into another.
 */
@AnalyzeClasses(packages = {"dev.portallogin.core", "dev.portallogin.requestcode", "dev.portallogin.verifylink",
        "dev.portallogin.generatemagiclink", "dev.portallogin.updateemail", "dev.portallogin.supportlookup",
        "dev.portallogin.delivermessage"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FUNCTIONS = {"dev.portallogin.requestcode..", "dev.portallogin.verifylink..",
        "dev.portallogin.generatemagiclink..", "dev.portallogin.updateemail..", "dev.portallogin.supportlookup..",
        "dev.portallogin.delivermessage.."};

    /** A function's entry adapter: what Lambda constructs. */
    private static final DescribedPredicate<JavaClass> HANDLERS = DescribedPredicate.describe("handlers",
            type -> type.getSimpleName().endsWith("Handler"));

    /**
     * The rest of a function's entry side: the pages it answers with ({@code *Page}, {@code PageTemplate}) and the
     * readers of the events it is sent ({@code *Notifications}).
     */
    private static final DescribedPredicate<JavaClass> ENTRY_SIDE = DescribedPredicate.describe("entry side",
            type -> type.getSimpleName().endsWith("Handler") || type.getSimpleName().contains("Page")
                    || type.getSimpleName().endsWith("Notifications"));

    /** A port, an adapter behind one, or an SDK client: what only use cases (ports) and wiring (the rest) touch. */
    private static final DescribedPredicate<JavaMethodCall> PORTS_AND_CLIENTS = DescribedPredicate.describe(
            "a port, an adapter of one or an SDK client", call -> {
                JavaClass owner = call.getTargetOwner();
                boolean port = owner.isInterface() && owner.getPackageName().startsWith("dev.portallogin.core.port");
                boolean adapter = owner.getPackageName().startsWith("dev.portallogin.core.adapter")
                        && owner.getAllRawInterfaces().stream().anyMatch(implemented ->
                                implemented.getPackageName().startsWith("dev.portallogin.core.port"));
                return port || adapter || owner.getPackageName().startsWith("software.amazon");
            });

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.portallogin.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theDomainStandsAlone = noClasses().that().resideInAPackage("..core.domain..").should()
            .dependOnClassesThat().resideInAnyPackage("..core.port..", "..core.adapter..", "..core.config..",
                    "..core.http..", "..core.event..", "software.amazon..", "com.amazonaws..");

    @ArchTest
    static final ArchRule portsSpeakTheDomainOnly = noClasses().that().resideInAPackage("..core.port..").should()
            .dependOnClassesThat().resideInAnyPackage("..core.adapter..", "..core.config..", "..core.http..",
                    "software.amazon..");

    @ArchTest
    static final ArchRule adaptersDoNotReachBackIntoConfigOrHttp = noClasses().that()
            .resideInAPackage("..core.adapter..").should().dependOnClassesThat()
            .resideInAnyPackage("..core.config..", "..core.http..", "..core.event..");

    @ArchTest
    static final ArchRule useCasesKnowNoAwsAndNoHttp = noClasses().that().resideInAnyPackage(FUNCTIONS)
            .and(DescribedPredicate.not(ENTRY_SIDE)).should()
            .dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "..core.http..",
                    "..core.event..", "..core.adapter..", "..core.config..");

    @ArchTest
    static final ArchRule handlersCallUseCasesNotPortsOrClients = noClasses().that().resideInAnyPackage(FUNCTIONS)
            .and(HANDLERS).should().callMethodWhere(PORTS_AND_CLIENTS);

    @ArchTest
    static final ArchRule noFunctionReachesIntoAnother = slices()
            .matching("dev.portallogin.(requestcode|verifylink|generatemagiclink|updateemail|supportlookup|"
                    + "delivermessage)..")
            .should().notDependOnEachOther();
}
