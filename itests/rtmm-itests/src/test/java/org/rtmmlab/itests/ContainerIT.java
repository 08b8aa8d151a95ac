package org.rtmmlab.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.ResourceDTO;
import org.osgi.service.servlet.runtime.dto.RuntimeDTO;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;
import org.rtmmlab.api.RtmmPlugin;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.workload.ScenarioProvider;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginDescriptor;
import org.rtmmlab.engine.catalog.PluginKind;

/**
 * Boots Apache Felix with every bundle of the distribution (distribution/target/rtmm-lab/bundle) and checks the
 * container contract: everything resolves and starts, every bundled plugin is a DS service in the catalog, the
 * Gogo command lists them, hot deployment through FileInstall's deploy/ folder adds, updates and removes a plugin,
 * and a plugin that throws on activation takes nothing down.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContainerIT {

    private static final long TIMEOUT_MS = 30_000;

    @Inject
    BundleContext context;

    @Inject
    PluginCatalog catalog;

    @Inject
    CommandProcessor commands;

    @Inject
    org.osgi.service.cm.ConfigurationAdmin configAdmin;

    /** The distribution's bundles, FileInstall watching a fresh deploy folder, no interactive console. */
    @Configuration
    public Option[] config() throws IOException {
        File bundleDir = new File(System.getProperty("itest.bundles"));
        File[] jars = bundleDir.listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no bundles in " + bundleDir + " (build the distribution first)");
        }
        Arrays.sort(jars);
        Path deploy = deployDir();
        List<Option> options = new ArrayList<>();
        for (File jar : jars) {
            options.add(bundle(jar.toURI().toString()));
        }
        options.add(frameworkProperty("felix.fileinstall.dir").value(deploy.toString()));
        options.add(frameworkProperty("felix.fileinstall.poll").value("250"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        // the dashboard's Jetty: loopback, any free port (never the default 8080 on every interface)
        options.add(frameworkProperty("org.osgi.service.http.port").value("0"));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(frameworkProperty("rtmm.data.dir").value(deploy.resolveSibling("data").toString()));
        options.add(frameworkProperty("rtmm.scenario.dir").value(deploy.toString()));
        options.add(systemProperty("itest.examples").value(System.getProperty("itest.examples")));
        options.add(systemProperty("itest.deploy").value(deploy.toString()));
        options.add(systemProperty("itest.samples").value(System.getProperty("itest.samples")));
        options.add(systemProperty("itest.fixtures").value(System.getProperty("itest.fixtures")));
        options.add(systemProperty("itest.work").value(System.getProperty("itest.work")));
        options.add(junitBundles());
        options.add(cleanCaches());
        return options.toArray(new Option[0]);
    }

    private static Path deployDir() throws IOException {
        Path work = Path.of(System.getProperty("itest.work"));
        Path deploy = work.resolve("deploy");
        Files.createDirectories(deploy);
        try (var s = Files.list(deploy)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        return deploy;
    }

    @Test
    public void allBundlesResolveAndAreActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
        Set<String> names = bundleNames();
        for (String expected : List.of("rtmm-api", "rtmm-engine", "rtmm-shell", "rtmm-workload-xrbench",
                "rtmm-accelerator-table", "rtmm-accelerator-analytic", "rtmm-scheduler-classic", "rtmm-scheduler-herald",
                "rtmm-scheduler-planaria", "rtmm-scheduler-prema", "rtmm-scheduler-veltair", "rtmm-scheduler-adaptive",
                "rtmm-scheduler-dream",
                "rtmm-workload-drone", "rtmm-workload-rtmdl", "rtmm-scheduler-rtmdl", "rtmm-workload-files", "rtmm-report-trace", "rtmm-report-html", "rtmm-report-json",
                "rtmm-evaluation", "picocli", "rtmm-web", "org.apache.felix.http.jetty12", "org.apache.felix.http.servlet-api",
                "org.apache.felix.scr",
                "org.apache.felix.fileinstall", "org.apache.felix.configadmin", "org.apache.felix.gogo.runtime",
                "com.google.gson", "com.google.protobuf")) {
            assertTrue(expected + " missing from " + names, names.contains(expected));
        }
    }

    @Test
    public void dashboardServletsAreOnTheWhiteboardWithoutFailures() throws Exception {
        ServiceReference<HttpServiceRuntime> ref = context.getServiceReference(HttpServiceRuntime.class);
        assertTrue("no HttpServiceRuntime (Felix HTTP Jetty not active)", ref != null);
        awaitTrue("the dashboard's servlets to register", () -> {
            RuntimeDTO r = context.getService(ref).getRuntimeDTO();
            context.ungetService(ref);
            return r.servletContextDTOs.length > 0 && java.util.Arrays.stream(r.servletContextDTOs)
                    .anyMatch(sc -> sc.servletDTOs.length >= 3);
        });
        RuntimeDTO dto = context.getService(ref).getRuntimeDTO();
        try {
            assertEquals("failed servlets", 0, dto.failedServletDTOs.length);
            assertEquals("failed resources", 0, dto.failedResourceDTOs.length);
            assertEquals("failed filters", 0, dto.failedFilterDTOs.length);
            assertEquals("failed contexts", 0, dto.failedServletContextDTOs.length);
            Set<String> patterns = new TreeSet<>();
            for (ServletContextDTO c : dto.servletContextDTOs) {
                for (ServletDTO sv : c.servletDTOs) {
                    patterns.addAll(Arrays.asList(sv.patterns));
                }
                for (ResourceDTO r : c.resourceDTOs) {
                    patterns.addAll(Arrays.asList(r.patterns));
                }
            }
            assertTrue(patterns.toString(), patterns.containsAll(List.of("/api/*", "/ui/*", "")));
            // the JSON API answers over HTTP inside the container (loopback, the port Jetty picked)
            String body = apiGet("/api/plugins");
            assertTrue(body, body.contains("\"bundle\":\"rtmm-scheduler-classic\""));
        } finally {
            context.ungetService(ref);
        }
    }

    @Test
    public void everyBundledPluginIsARegisteredServiceAndInTheCatalog() throws Exception {
        assertEquals(Set.of("edf", "fcfs", "lsf", "rr", "xrbench-greedy"), serviceIds(PluginKind.SCHEDULER, "rtmm-scheduler-classic"));
        assertEquals(Set.of("herald"), serviceIds(PluginKind.SCHEDULER, "rtmm-scheduler-herald"));
        assertEquals(Set.of("planaria"), serviceIds(PluginKind.SCHEDULER, "rtmm-scheduler-planaria"));
        assertEquals(Set.of("prema"), serviceIds(PluginKind.SCHEDULER, "rtmm-scheduler-prema"));
        assertEquals(Set.of("veltair"), serviceIds(PluginKind.SCHEDULER, "rtmm-scheduler-veltair"));
        assertEquals(Set.of("edf-adaptive"), serviceIds(PluginKind.SCHEDULER, "rtmm-scheduler-adaptive"));
        assertEquals(Set.of("dream", "dream-notune", "dream-nosupernet", "dream-static"),
                serviceIds(PluginKind.SCHEDULER, "rtmm-scheduler-dream"));
        assertEquals(Set.of("table"), serviceIds(PluginKind.ACCELERATOR_MODEL, "rtmm-accelerator-table"));
        assertEquals(Set.of("analytic"), serviceIds(PluginKind.ACCELERATOR_MODEL, "rtmm-accelerator-analytic"));
        assertEquals(Set.of("xrbench"), serviceIds(PluginKind.SCENARIO_PROVIDER, "rtmm-workload-xrbench"));
        assertEquals(Set.of("drone"), serviceIds(PluginKind.SCENARIO_PROVIDER, "rtmm-workload-drone"));
        assertEquals(Set.of("rtmdl"), serviceIds(PluginKind.SCENARIO_PROVIDER, "rtmm-workload-rtmdl"));
        assertEquals(Set.of("cpu"), serviceIds(PluginKind.ACCELERATOR_MODEL, "rtmm-workload-rtmdl"));
        assertEquals(Set.of("rtmdl", "rtmdl-nopack", "rtmdl-noscale", "rtmdl-nosplit"), serviceIds(PluginKind.SCHEDULER,
                "rtmm-scheduler-rtmdl"));
        assertEquals(Set.of("files"), serviceIds(PluginKind.SCENARIO_PROVIDER, "rtmm-workload-files"));
        assertEquals(Set.of("csv", "json"), serviceIds(PluginKind.REPORTER, "rtmm-report-json"));
        assertEquals(Set.of("trace"), serviceIds(PluginKind.REPORTER, "rtmm-report-trace"));
        assertEquals(Set.of("html"), serviceIds(PluginKind.REPORTER, "rtmm-report-html"));
        for (PluginKind kind : PluginKind.values()) {
            ServiceReference<?>[] refs = serviceRefs(kind);
            assertEquals("every " + kind.label() + " service is in the catalog", refs.length, catalog.plugins(kind).size());
        }
        assertEquals(26, catalog.platforms().stream().filter(p -> p.id().startsWith("xrbench/")).count());
        assertTrue(catalog.platforms().stream().anyMatch(p -> p.id().equals("measured/h100")));
        Set<String> scenarios = new TreeSet<>();
        catalog.scenarios().forEach(s -> scenarios.add(s.id()));
        for (String id : List.of("xrbench/VR_gaming", "xrbench/AR_Assistant", "xrbench/VR_gaming_25p",
                "xrbench/session_dynamic", "drone/patrol")) {
            assertTrue(id + " in " + scenarios, scenarios.contains(id));
        }
    }

    @Test
    public void everyBundledSchedulerRunsAnXrbenchScenarioInTheContainer() {
        Evaluator evaluator = new Evaluator(catalog);
        for (PluginDescriptor d : catalog.plugins(PluginKind.SCHEDULER)) {
            RunResult r = evaluator.run(RunConfig.of("xrbench/VR_gaming", "xrbench/Dual_4K__WS_OS", d.id(), 1), null, null);
            assertTrue(d.id() + ": " + r.frames(), r.frames().onTime() + r.frames().late() > 0);
            double score = r.metric("xrbench.score");
            assertTrue(d.id() + " score " + score, score >= 0 && score <= 100);
        }
    }

    @Test
    public void scenarioFileDroppedIntoDeployIsListedAndRuns() throws Exception {
        Path deploy = Path.of(System.getProperty("itest.deploy"));
        Path examples = Path.of(System.getProperty("itest.examples"));
        Path dropped = deploy.resolve("vr-hands.json");
        atomicCopy(examples.resolve("scenarios/vr-hands.json"), dropped);
        try {
            awaitTrue("file/vr-hands to be listed",
                    () -> catalog.scenarios().stream().anyMatch(s -> s.id().equals("file/vr-hands")));
            RunResult r = new Evaluator(catalog).run(new RunConfig("file/vr-hands",
                    examples.resolve("platforms/tri-npu.json").toString(), "edf", 1, 2_000_000_000L, false,
                    java.util.Map.of(), List.of()), null, null);
            assertTrue(r.frames().toString(), r.frames().released() > 0);
            assertTrue(gogo("rtmm:list -a").contains("file/vr-hands"));
        } finally {
            Files.deleteIfExists(dropped);
        }
        awaitTrue("file/vr-hands to go", () -> catalog.scenarios().stream().noneMatch(s -> s.id().equals("file/vr-hands")));
    }

    @Test
    public void gogoListShowsEveryPluginWithBundleAndVersion() throws Exception {
        String out = gogo("rtmm:list");
        for (String s : List.of("schedulers (", "xrbench-greedy", "fcfs", "edf", "rtmm-scheduler-classic",
                "accelerator-models (", "table", "scenario-providers (", "xrbench", "reporters (", "json", "csv")) {
            assertTrue("'" + s + "' missing in rtmm:list output:\n" + out, out.contains(s));
        }
        assertTrue(out, gogo("rtmm:list -a").contains("xrbench/Dual_8K_BigLittle__WS_OS"));
    }

    @Test
    public void gogoCommandsReportProblemsOnOneLineAndFailInTheShellsTerms() throws Exception {
        Gogo missing = gogoOutcome("rtmm:run a b");
        assertEquals("error: Missing required parameter: 'SCHEDULER' (see rtmm:run --help)", missing.out().strip());
        assertTrue("the session sees a failed command: " + missing.failure(),
                missing.failure() != null && missing.failure().getClass().getSimpleName().equals("CommandFailedException"));
        Gogo seed = gogoOutcome("rtmm:run --seed abc xrbench/VR_gaming xrbench/Single_4K__WS edf");
        assertTrue(seed.out(), seed.out().strip().startsWith("error: Invalid value for option '--seed': 'abc' is not a long"));
        assertTrue(seed.failure() != null);
        Gogo pace = gogoOutcome("rtmm:run --pace fast xrbench/VR_gaming xrbench/Single_4K__WS edf");
        assertTrue(pace.out(), pace.out().contains("'fast' is not a pace") && pace.failure() != null);
        Gogo unknown = gogoOutcome("rtmm:status no-such-evaluation");
        assertEquals("error: unknown evaluation 'no-such-evaluation' (rtmm:status lists them)", unknown.out().strip());
        assertTrue(unknown.failure() != null);
        Gogo help = gogoOutcome("rtmm:run --help");
        assertTrue(help.out(), help.out().contains("--pace") && help.out().contains("--background"));
        assertEquals(null, help.failure());
        // a blocking run prints progress and where its files are; it is listed by rtmm:status and rtmm:results
        Gogo run = gogoOutcome("rtmm:run --duration 100ms --seed 3 xrbench/VR_gaming xrbench/Single_4K__WS edf");
        assertEquals(run.out(), null, run.failure());
        assertTrue(run.out(), run.out().contains("FINISHED") && run.out().contains("files in "));
        String id = run.out().strip().split("\\s+")[0];
        assertTrue(gogo("rtmm:status").contains(id));
        assertTrue(gogo("rtmm:results").contains(id));
    }

    @Test
    public void backgroundRunCanBeFollowedPausedResumedAndCancelled() throws Exception {
        String submitted = gogo("rtmm:run --background --pace 1x --duration 60s xrbench/VR_gaming xrbench/Single_4K__WS fcfs");
        assertTrue(submitted, submitted.contains(" submitted ("));
        String id = submitted.strip().split("\\s+")[0];
        String status = gogo("rtmm:status " + id);
        assertTrue(status, status.contains("pace       1x"));
        awaitState(id, "RUNNING");
        assertTrue(gogo("rtmm:pause " + id).startsWith(id)); // takes effect at the run's next time step
        awaitState(id, "PAUSED");
        assertTrue(gogo("rtmm:resume " + id).startsWith(id));
        awaitState(id, "RUNNING");
        Gogo cancelled = gogoOutcome("rtmm:cancel " + id);
        assertEquals(cancelled.out(), null, cancelled.failure());
        awaitState(id, "CANCELLED");
        Gogo again = gogoOutcome("rtmm:resume " + id);
        assertTrue(again.out(), again.out().startsWith("error: ") && again.failure() != null);
    }

    @Test
    public void hotDeployedPluginAppearsIsUpdatedAndDisappears() throws Exception {
        Path deploy = Path.of(System.getProperty("itest.deploy"));
        Path sample = onlyJar(Path.of(System.getProperty("itest.samples")), "rtmm-scheduler-example");
        Path deployed = deploy.resolve(sample.getFileName());
        assertFalse(catalog.find(PluginKind.SCHEDULER, "example-srf").isPresent());

        atomicCopy(sample, deployed);
        PluginDescriptor d = await("example-srf to appear", () -> catalog.find(PluginKind.SCHEDULER, "example-srf"));
        assertEquals("rtmm-scheduler-example", d.bundle());
        String firstVersion = d.version();
        assertTrue(gogo("rtmm:list").contains("example-srf"));

        // ... and used: an evaluation with the hot-deployed policy, through the API and through the shell
        RunResult run = new Evaluator(catalog).run(RunConfig.of("xrbench/VR_gaming", "xrbench/Dual_4K__WS_OS",
                "example-srf", 1), null, null);
        assertEquals("example-srf", run.config().scheduler());
        assertTrue("frames completed: " + run.frames(), run.frames().onTime() + run.frames().late() > 50);
        String shellRun = gogo("rtmm:run --duration 200ms xrbench/VR_gaming xrbench/Single_4K__WS example-srf");
        assertTrue(shellRun, shellRun.contains("FINISHED"));
        // run properties from the shell, checked like --set on the command line
        String withProps = gogo("rtmm:run --duration 200ms -s blockLayers=2,engine.dropRule=none xrbench/VR_gaming"
                + " xrbench/Single_4K__WS edf");
        assertTrue(withProps, withProps.contains("FINISHED"));
        Gogo misspelt = gogoOutcome("rtmm:run -s blokLayers=2 xrbench/VR_gaming xrbench/Single_4K__WS edf");
        assertTrue(misspelt.out(), misspelt.out().contains("error: ") && misspelt.out().contains("blokLayers"));
        assertTrue(misspelt.failure() != null);

        // a newer build of the same bundle replaces the old one in place
        Path newer = Path.of(System.getProperty("itest.work")).resolve("newer.jar");
        withBundleVersion(sample, newer, "9.9.9");
        atomicCopy(newer, deployed);
        await("example-srf 9.9.9", () -> catalog.find(PluginKind.SCHEDULER, "example-srf")
                .filter(p -> p.version().equals("9.9.9")));
        assertEquals("exactly one example-srf after the update", 1, catalog.plugins(PluginKind.SCHEDULER).stream()
                .filter(p -> p.id().equals("example-srf")).count());
        assertFalse(firstVersion.equals("9.9.9"));

        Files.delete(deployed);
        awaitTrue("example-srf to disappear", () -> catalog.find(PluginKind.SCHEDULER, "example-srf").isEmpty());
        assertFalse(gogo("rtmm:list").contains("example-srf"));
        Gogo gone = gogoOutcome("rtmm:run xrbench/VR_gaming xrbench/Single_4K__WS example-srf");
        assertTrue(gone.out(), gone.out().contains("error: ") && gone.out().contains("unknown scheduler 'example-srf'"));
        assertTrue(gone.failure() != null);
        awaitTrue("example bundle uninstalled", () -> !bundleNames().contains("rtmm-scheduler-example"));
    }

    @Test
    public void theCatalogIsAServiceInterfaceWhoseComponentIsPrivateToTheEngine() throws Exception {
        ServiceReference<PluginCatalog> ref = context.getServiceReference(PluginCatalog.class);
        assertTrue("one catalog service", ref != null);
        assertEquals(List.of(PluginCatalog.class.getName()), Arrays.asList((String[]) ref.getProperty("objectClass")));
        assertTrue("a DS component", ref.getProperty("component.name") != null);
        Bundle engine = ref.getBundle();
        List<String> exported = new ArrayList<>();
        for (BundleCapability c : engine.adapt(BundleRevision.class)
                .getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
            exported.add((String) c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE));
        }
        assertTrue(exported.toString(), exported.contains("org.rtmmlab.engine.catalog"));
        assertTrue("the implementation's package is not exported: " + exported,
                exported.stream().noneMatch(p -> p.startsWith("org.rtmmlab.engine.catalog.")));
        assertTrue(catalog.getClass().getName(),
                catalog.getClass().getName().startsWith("org.rtmmlab.engine.catalog.internal."));
    }

    @Test
    public void sameIdPluginsAreOrderedByServiceRankingThenVersionNotByArrival() throws Exception {
        Path deploy = Path.of(System.getProperty("itest.deploy"));
        Path sample = onlyJar(Path.of(System.getProperty("itest.samples")), "rtmm-scheduler-example");
        Path work = Path.of(System.getProperty("itest.work"));
        Path ranked = deploy.resolve("example-ranked.jar");
        Path newer = deploy.resolve("example-newer.jar");
        // the old build with service.ranking 5 arrives first, a newer build without ranking after it
        sameIdVariant(sample, work.resolve("example-ranked.jar"), "rtmm-scheduler-example-ranked", "0.0.1", 5);
        sameIdVariant(sample, work.resolve("example-newer.jar"), "rtmm-scheduler-example-newer", "9.9.9", null);
        atomicCopy(work.resolve("example-ranked.jar"), ranked);
        await("the ranked example-srf", () -> catalog.find(PluginKind.SCHEDULER, "example-srf"));
        atomicCopy(work.resolve("example-newer.jar"), newer);
        awaitTrue("both example-srf listed", () -> catalog.plugins(PluginKind.SCHEDULER).stream()
                .filter(p -> p.id().equals("example-srf")).count() == 2);
        PluginDescriptor winner = catalog.find(PluginKind.SCHEDULER, "example-srf").orElseThrow();
        assertEquals("the higher service.ranking wins over the newer version and the later arrival",
                "rtmm-scheduler-example-ranked", winner.bundle());
        assertEquals(5, winner.ranking());
        String list = gogo("rtmm:list");
        assertTrue(list, list.lines().anyMatch(l -> l.contains("rtmm-scheduler-example-newer 9.9.9")
                && l.endsWith("[shadowed: another plugin with this id is used]")));
        assertTrue(list, list.lines().anyMatch(l -> l.contains("rtmm-scheduler-example-ranked 0.0.1")
                && !l.contains("shadowed")));

        Files.delete(ranked); // the next in precedence takes over
        await("the newer example-srf to take over", () -> catalog.find(PluginKind.SCHEDULER, "example-srf")
                .filter(p -> p.bundle().equals("rtmm-scheduler-example-newer")));
        Files.delete(newer);
        awaitTrue("example-srf to disappear", () -> catalog.find(PluginKind.SCHEDULER, "example-srf").isEmpty());
        awaitTrue("the variants uninstalled", () -> bundleNames().stream()
                .noneMatch(n -> n.startsWith("rtmm-scheduler-example-")));
    }

    @Test
    public void pluginThatThrowsOnActivationTakesNothingDown() throws Exception {
        Path faulty = onlyJar(Path.of(System.getProperty("itest.fixtures")), "rtmm-itest-faulty-plugin");
        int pluginsBefore = catalog.plugins().size();
        Bundle b = context.installBundle(faulty.toUri().toString());
        try {
            b.start();
            // SCR tries to activate the component when the catalog's greedy reference binds it; that throws.
            awaitTrue("SCR to process the faulty component", () -> {
                ServiceReference<?>[] refs = serviceRefs(PluginKind.SCHEDULER);
                for (ServiceReference<?> r : refs) {
                    if (r.getBundle() == b) {
                        return true;
                    }
                }
                return false;
            });
            Thread.sleep(1000);
            assertFalse("faulty plugin must not be in the catalog", catalog.find(PluginKind.SCHEDULER, "faulty").isPresent());
            assertEquals(pluginsBefore, catalog.plugins().size());
            assertEquals(Bundle.ACTIVE, b.getState());
            allBundlesResolveAndAreActive();
            String list = gogo("rtmm:list");
            assertTrue(list.contains("xrbench-greedy"));
            // ... and rtmm:list names it as failed, with the constructor's exception on one line, no stack trace
            assertTrue(list, list.contains("failed bundles (1):\n  failed  rtmm-itest-faulty-plugin "
                    + b.getVersion() + " [" + b.getBundleId() + "]: component FaultyPolicy failed to activate:"
                    + " java.lang.IllegalStateException: faulty plugin: activation fails on purpose\n"));
            assertFalse(list, list.contains("\tat "));
            // asking for it names the failed bundle that may provide it
            Gogo run = gogoOutcome("rtmm:run -b xrbench/VR_gaming xrbench/Single_4K__WS faulty");
            assertTrue(run.out(), run.out().startsWith("error: ") && run.out().contains("unknown scheduler 'faulty'")
                    && run.out().contains("may come from a bundle that is present but failed: rtmm-itest-faulty-plugin"));
            assertTrue(run.failure() != null);
            // the dashboard lists it as failed, with the exception in one line
            String plugins = apiGet("/api/plugins");
            assertTrue(plugins, plugins.contains("\"state\":\"activation failed\"") && plugins.contains("Faulty"));
        } finally {
            b.uninstall();
        }
        assertEquals(pluginsBefore, catalog.plugins().size());
    }

    @Test
    public void bundleThatCannotResolveIsListedWithTheMissingPackageAndRange() throws Exception {
        Path deploy = Path.of(System.getProperty("itest.deploy"));
        Path sample = onlyJar(Path.of(System.getProperty("itest.samples")), "rtmm-scheduler-example");
        Path broken = Path.of(System.getProperty("itest.work")).resolve("missing-import.jar");
        rewriteManifest(sample, broken, mf -> {
            mf.getMainAttributes().putValue("Bundle-SymbolicName", "rtmm-itest-missing-import");
            mf.getMainAttributes().putValue("Import-Package", mf.getMainAttributes().getValue("Import-Package")
                    + ",org.rtmmlab.nowhere;version=\"[1.2,2)\"");
        });
        Path deployed = deploy.resolve("missing-import.jar");
        atomicCopy(broken, deployed);
        try {
            String expected = "does not resolve: missing package org.rtmmlab.nowhere [1.2.0,2.0.0)";
            awaitTrue("rtmm:list to show the unresolved bundle", () -> {
                try {
                    return gogo("rtmm:list").contains(expected);
                } catch (Exception e) {
                    return false;
                }
            });
            String list = gogo("rtmm:list");
            String line = list.lines().filter(l -> l.contains("rtmm-itest-missing-import")).findFirst().orElseThrow();
            assertTrue(line, line.startsWith("  failed  rtmm-itest-missing-import ") && line.endsWith(expected));
            Bundle b = Arrays.stream(context.getBundles())
                    .filter(x -> "rtmm-itest-missing-import".equals(x.getSymbolicName())).findFirst().orElseThrow();
            assertEquals("diagnosing starts nothing", Bundle.INSTALLED, b.getState());
        } finally {
            Files.deleteIfExists(deployed);
        }
        awaitTrue("the unresolved bundle to go", () -> !bundleNames().contains("rtmm-itest-missing-import"));
        assertFalse(gogo("rtmm:list").contains("failed bundles"));
    }

    /**
     * herald declares no DS method of its own: its ConfigAdmin defaults arrive through {@code ConfiguredPolicy}'s
     * inherited {@code @Activate @Modified configure} (bnd {@code -dsannotations-options: inherit}), and go again when
     * the configuration is deleted.
     */
    @Test
    public void configAdminDefaultsReachAPolicyThroughItsInheritedDsMethod() throws Exception {
        String declared = heraldObjectiveDefault();
        String other = declared.equals("latency") ? "energy" : "latency";
        org.osgi.service.cm.Configuration cfg = configAdmin.getConfiguration("org.rtmmlab.scheduler.herald", "?");
        try {
            cfg.update(new java.util.Hashtable<>(java.util.Map.of("objective", other)));
            awaitTrue("herald's objective default to become " + other, () -> heraldObjectiveDefault().equals(other));
        } finally {
            cfg.delete();
        }
        awaitTrue("herald's declared default to come back", () -> heraldObjectiveDefault().equals(declared));
    }

    /**
     * The policies' ConfigAdmin forms are generated from their PropertySpecs and served by the MetaType service
     * (Felix Metatype), found as any metatype consumer (the WebConsole) finds them: over every bundle's metatype
     * information, by PID; {@code rtmm:config} prints the same forms.
     */
    @Test
    public void metatypeFormsOfTheConfiguredPoliciesComeFromTheirPropertySpecs() throws Exception {
        ObjectClassDefinition edf = await("the metatype form of org.rtmmlab.scheduler.edf",
                () -> form("org.rtmmlab.scheduler.edf"));
        AttributeDefinition blockLayers = attribute(edf, "blockLayers");
        assertEquals(AttributeDefinition.LONG, blockLayers.getType());
        assertEquals(catalog.scheduler("edf").properties().get(0).defaultValue(), blockLayers.getDefaultValue()[0]);
        assertEquals("", blockLayers.validate("2"));
        assertFalse(blockLayers.validate("-1").isEmpty());
        AttributeDefinition objective = attribute(form("org.rtmmlab.scheduler.herald").orElseThrow(), "objective");
        assertEquals(AttributeDefinition.STRING, objective.getType());
        assertTrue(Arrays.asList(objective.getOptionValues()).containsAll(List.of("latency", "energy")));
        assertEquals(heraldObjectiveDefault(), objective.getDefaultValue()[0]);
        assertEquals("RTMM scheduler dream, dream-nosupernet, dream-notune, dream-static",
                form("org.rtmmlab.scheduler.dream").orElseThrow().getName());

        String text = gogo("rtmm:config edf");
        assertTrue(text, text.contains("ConfigAdmin PID org.rtmmlab.scheduler.edf (file etc/org.rtmmlab.scheduler.edf.cfg)"));
        assertTrue(text, text.contains("blockLayers") && text.contains("integer"));
        String all = gogo("rtmm:config");
        assertTrue(all, all.contains("org.rtmmlab.scheduler.dream  dream, dream-nosupernet, dream-notune, dream-static"));
        assertFalse(all, all.contains("edf-adaptive")); // reads no configuration: no form
        assertTrue(gogo("rtmm:config edf-adaptive").contains("reads no ConfigAdmin configuration"));
        Gogo unknown = gogoOutcome("rtmm:config nosuch");
        assertTrue(unknown.out(), unknown.failure() != null && unknown.out().contains("unknown scheduler 'nosuch'"));
    }

    /** @return the metatype form of a PID as a consumer finds it: from whichever bundle's metatype names it */
    private Optional<ObjectClassDefinition> form(String pid) {
        ServiceReference<MetaTypeService> ref = context.getServiceReference(MetaTypeService.class);
        if (ref == null) {
            return Optional.empty();
        }
        MetaTypeService metatype = context.getService(ref);
        try {
            for (Bundle b : context.getBundles()) {
                MetaTypeInformation info = metatype.getMetaTypeInformation(b);
                if (info != null && Arrays.asList(info.getPids()).contains(pid)) {
                    return Optional.of(info.getObjectClassDefinition(pid, null));
                }
            }
            return Optional.empty();
        } finally {
            context.ungetService(ref);
        }
    }

    private static AttributeDefinition attribute(ObjectClassDefinition ocd, String id) {
        return Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)).filter(a -> a.getID().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(ocd.getID() + " has no field " + id));
    }

    private String heraldObjectiveDefault() {
        return catalog.scheduler("herald").properties().stream().filter(p -> p.key().equals("objective"))
                .findFirst().orElseThrow().defaultValue();
    }

    /** A plugin built against another API version: {@code rtmm:list} names the package, its range and the lab's. */
    @Test
    public void pluginForAnotherApiVersionIsListedWithTheVersionsTheLabExports() throws Exception {
        Path deploy = Path.of(System.getProperty("itest.deploy"));
        Path sample = onlyJar(Path.of(System.getProperty("itest.samples")), "rtmm-scheduler-example");
        Path broken = Path.of(System.getProperty("itest.work")).resolve("future-api.jar");
        rewriteManifest(sample, broken, mf -> {
            mf.getMainAttributes().putValue("Bundle-SymbolicName", "rtmm-itest-future-api");
            String imports = mf.getMainAttributes().getValue("Import-Package");
            String changed = imports.replaceAll("org\\.rtmmlab\\.api\\.scheduler;version=\"[^\"]*\"",
                    "org.rtmmlab.api.scheduler;version=\"[99,100)\"");
            assertFalse("the example imports org.rtmmlab.api.scheduler with a range: " + imports,
                    changed.equals(imports));
            mf.getMainAttributes().putValue("Import-Package", changed);
        });
        // what the lab exports, from the API bundle's own revision (the framework's view, not its manifest text)
        Bundle api = Arrays.stream(context.getBundles()).filter(x -> "rtmm-api".equals(x.getSymbolicName()))
                .findFirst().orElseThrow();
        Object version = api.adapt(BundleRevision.class).getDeclaredCapabilities("osgi.wiring.package").stream()
                .filter(c -> "org.rtmmlab.api.scheduler".equals(c.getAttributes().get("osgi.wiring.package")))
                .findFirst().orElseThrow().getAttributes().get("version");
        Path deployed = deploy.resolve("future-api.jar");
        atomicCopy(broken, deployed);
        try {
            String expected = "does not resolve: missing package org.rtmmlab.api.scheduler [99.0.0,100.0.0), but the"
                    + " lab exports org.rtmmlab.api.scheduler " + version;
            awaitTrue("rtmm:list to show the bundle for another API version", () -> {
                try {
                    return gogo("rtmm:list").contains("rtmm-itest-future-api");
                } catch (Exception e) {
                    return false;
                }
            });
            String list = gogo("rtmm:list");
            String line = list.lines().filter(l -> l.contains("rtmm-itest-future-api")).findFirst().orElseThrow();
            assertTrue(line, line.startsWith("  failed  rtmm-itest-future-api ") && line.endsWith(expected));
        } finally {
            Files.deleteIfExists(deployed);
        }
        awaitTrue("the bundle to go", () -> !bundleNames().contains("rtmm-itest-future-api"));
    }

    /**
     * The drone, files and rtmdl providers need each other as peers; as DS references that was a service cycle. No
     * scenario provider component may reference scenario providers; drone/patrol and a scenario file still resolve their
     * model refs (drone/patrol loads, so its xrbench refs were found).
     */
    @Test
    public void scenarioProvidersHaveNoDsReferencesToEachOther() throws Exception {
        ServiceReference<ServiceComponentRuntime> ref = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = context.getService(ref);
        int providers = 0;
        try {
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
                if (Arrays.asList(d.serviceInterfaces).contains(ScenarioProvider.class.getName())) {
                    providers++;
                    for (ReferenceDTO r : d.references) {
                        assertFalse(d.name + " references " + r.interfaceName,
                                r.interfaceName.equals(ScenarioProvider.class.getName()));
                    }
                }
            }
        } finally {
            context.ungetService(ref);
        }
        assertEquals("xrbench, drone, files, rtmdl", 4, providers);
        RunResult r = new Evaluator(catalog).run(new RunConfig("drone/patrol", "xrbench/Dual_4K__WS_OS", "edf", 1,
                200_000_000L, false, java.util.Map.of(), List.of()), null, null);
        assertTrue(r.frames().toString(), r.frames().released() > 0);
    }

    // ---------------------------------------------------------------- helpers

    /** Waits until {@code rtmm:status ID}'s first line shows {@code state}. */
    private void awaitState(String id, String state) throws InterruptedException {
        awaitTrue(id + " " + state, () -> {
            try {
                return gogo("rtmm:status " + id).lines().findFirst().orElse("").matches(id + "\\s+" + state + "\\b.*");
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** GET from the dashboard's API at the address Felix HTTP reports ({@code osgi.http.endpoint}). */
    private String apiGet(String path) throws IOException {
        ServiceReference<HttpServiceRuntime> ref = context.getServiceReference(HttpServiceRuntime.class);
        Object ep = ref.getProperty("osgi.http.endpoint");
        String endpoint = ep instanceof String[] a ? a[0]
                : ep instanceof java.util.Collection<?> l ? String.valueOf(l.iterator().next()) : String.valueOf(ep);
        assertTrue(endpoint, endpoint.startsWith("http://127.0.0.1:"));
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create(
                endpoint.replaceAll("/$", "") + path).toURL().openConnection();
        try {
            assertEquals(200, c.getResponseCode());
            return new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    private Set<String> serviceIds(PluginKind kind, String bundle) throws Exception {
        Set<String> ids = new TreeSet<>();
        for (ServiceReference<?> ref : serviceRefs(kind)) {
            if (ref.getBundle().getSymbolicName().equals(bundle)) {
                RtmmPlugin p = (RtmmPlugin) context.getService(ref);
                try {
                    ids.add(p.id());
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        return ids;
    }

    private ServiceReference<?>[] serviceRefs(PluginKind kind) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(kind.type().getName(), null);
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e); // cannot happen: no filter
        }
    }

    private Set<String> bundleNames() {
        Set<String> names = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null) {
                names.add(b.getSymbolicName());
            }
        }
        return names;
    }

    private String gogo(String command) throws Exception {
        Gogo g = gogoOutcome(command);
        if (g.failure() != null) {
            throw g.failure();
        }
        return g.out();
    }

    /** What a Gogo command printed, and what the session threw (a failed command), if anything. */
    private record Gogo(String out, Exception failure) {
    }

    private Gogo gogoOutcome(String command) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        CommandSession session = commands.createSession(InputStream.nullInputStream(), out, out);
        Exception failure = null;
        try {
            session.execute(command);
        } catch (Exception e) {
            failure = e;
        } finally {
            session.close();
        }
        out.flush();
        return new Gogo(buf.toString(StandardCharsets.UTF_8), failure);
    }

    private static <T> T await(String what, java.util.function.Supplier<Optional<T>> probe) throws InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < end) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            Thread.sleep(100);
        }
        fail("timed out after " + TIMEOUT_MS + " ms waiting for " + what);
        return null;
    }

    private static void awaitTrue(String what, BooleanSupplier probe) throws InterruptedException {
        await(what, () -> probe.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    private static Path onlyJar(Path dir, String prefix) throws IOException {
        try (var s = Files.list(dir)) {
            List<Path> jars = s.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".jar")).toList();
            assertEquals("jars named " + prefix + "* in " + dir, 1, jars.size());
            return jars.get(0);
        }
    }

    /** Copies through a temporary file so FileInstall never sees a half-written jar. */
    private static void atomicCopy(Path from, Path to) throws IOException {
        Path tmp = Path.of(System.getProperty("itest.work")).resolve(to.getFileName() + ".tmp");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes a copy of {@code jar} whose manifest says {@code Bundle-Version: version}: a newer build. */
    private static void withBundleVersion(Path jar, Path out, String version) throws IOException {
        rewriteManifest(jar, out, mf -> mf.getMainAttributes().putValue("Bundle-Version", version));
    }

    /**
     * Writes a copy of the example plugin as another bundle ({@code bsn}, {@code version}) whose DS component has its
     * own name (SCR wants names unique across bundles) and, if {@code ranking} is not null, that service.ranking.
     */
    private static void sameIdVariant(Path jar, Path out, String bsn, String version, Integer ranking)
            throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest mf = new Manifest(in.getManifest());
            mf.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
            mf.getMainAttributes().putValue("Bundle-Version", version);
            try (OutputStream os = Files.newOutputStream(out); JarOutputStream jos = new JarOutputStream(os, mf)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    jos.putNextEntry(new JarEntry(e.getName()));
                    if (e.getName().startsWith("OSGI-INF/") && e.getName().endsWith(".xml")) {
                        String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                                .replaceFirst("name=\"([^\"]+)\"", "name=\"$1." + bsn.replace('-', '_') + "\"");
                        if (ranking != null) {
                            xml = xml.replaceFirst("<service>", "<property name=\"service.ranking\" type=\"Integer\""
                                    + " value=\"" + ranking + "\"/>\n  <service>");
                        }
                        jos.write(xml.getBytes(StandardCharsets.UTF_8));
                    } else {
                        in.transferTo(jos);
                    }
                    jos.closeEntry();
                }
            }
        }
    }

    /** Writes a copy of {@code jar} with its manifest changed by {@code change}. */
    private static void rewriteManifest(Path jar, Path out, java.util.function.Consumer<Manifest> change)
            throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest mf = new Manifest(in.getManifest());
            change.accept(mf);
            try (OutputStream os = Files.newOutputStream(out); JarOutputStream jos = new JarOutputStream(os, mf)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    jos.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(jos);
                    jos.closeEntry();
                }
            }
        }
    }
}
