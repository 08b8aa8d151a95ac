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

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.engine.catalog.PluginCatalog;
import org.rtmmlab.engine.catalog.PluginKind;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationService;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.EvaluationStatus;
import org.rtmmlab.evaluation.ResultEntry;

/**
 * The evaluation service in the real container (issue 12's "done when"): a paced evaluation with {@code fcfs} swaps
 * to a scheduler bundle installed while it runs and keeps metrics windows on both sides of the swap; an evaluation
 * whose scheduler bundle is uninstalled waits, and resumes when the bundle comes back or fails cleanly after the
 * configured timeout with what it measured kept. Prints the swap latency (swap() to the new policy's first
 * decision).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EvaluationIT {

    private static final long TIMEOUT_MS = 60_000;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final String FIXTURE = "rtmm-itest-swap-plugin";
    private static final String LIFO = "swap-lifo";

    @Inject
    BundleContext context;

    @Inject
    PluginCatalog catalog;

    @Inject
    EvaluationService service;

    @Inject
    ConfigurationAdmin configAdmin;

    /** The distribution's bundles, an empty deploy folder and a fresh data folder of its own. */
    @Configuration
    public Option[] config() throws IOException {
        File[] jars = new File(System.getProperty("itest.bundles")).listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no bundles in " + System.getProperty("itest.bundles"));
        }
        Arrays.sort(jars);
        Path work = Path.of(System.getProperty("itest.work")).resolve("evaluation");
        Path deploy = work.resolve("deploy");
        Path data = work.resolve("data");
        deleteTree(work);
        Files.createDirectories(deploy);
        List<Option> options = new ArrayList<>();
        for (File jar : jars) {
            options.add(bundle(jar.toURI().toString()));
        }
        options.add(frameworkProperty("felix.fileinstall.dir").value(deploy.toString()));
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        // the dashboard's Jetty: loopback, any free port (never the default 8080 on every interface)
        options.add(frameworkProperty("org.osgi.service.http.port").value("0"));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(frameworkProperty("rtmm.data.dir").value(data.toString()));
        options.add(frameworkProperty("rtmm.scenario.dir").value(deploy.toString()));
        options.add(systemProperty("itest.fixtures").value(System.getProperty("itest.fixtures")));
        options.add(junitBundles());
        options.add(cleanCaches());
        return options.toArray(new Option[0]);
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** VR_gaming on Dual_4K for {@code seconds} of simulated time at pace {@code pace}, 500 ms metric windows. */
    private static EvaluationRequest paced(String scheduler, long seconds, double pace) {
        return new EvaluationRequest(List.of("xrbench/VR_gaming"), List.of("xrbench/Dual_4K__WS_OS"),
                List.of(scheduler), List.of(1L), seconds * S, false, Map.of("engine.window", "500ms"),
                List.of("json", "csv", "html", "trace"), pace, null);
    }

    private Bundle installFixture() throws Exception {
        Path dir = Path.of(System.getProperty("itest.fixtures"));
        Path jar;
        try (var s = Files.list(dir)) {
            jar = s.filter(p -> p.getFileName().toString().startsWith(FIXTURE)).findFirst().orElseThrow();
        }
        Bundle b = context.installBundle(jar.toUri().toString());
        b.start();
        awaitTrue("swap-lifo in the catalog", () -> catalog.find(PluginKind.SCHEDULER, LIFO).isPresent());
        return b;
    }

    private EvaluationStatus await(String id, String what, Predicate<EvaluationStatus> condition) throws Exception {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        EvaluationStatus s = null;
        while (System.currentTimeMillis() < end) {
            s = service.status(id).orElseThrow();
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(20);
        }
        fail("timed out waiting for " + what + "; status " + s);
        return null;
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier probe) throws Exception {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!probe.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    public void swapsToASchedulerBundleInstalledMidRunAndKeepsWindowsOnBothSides() throws Exception {
        EvaluationStatus s = service.submit(paced("fcfs", 4, 4.0)); // about 1 s of wall time
        await(s.id(), "1.2 s simulated", x -> x.state() == EvaluationState.RUNNING && x.simulatedNs() >= 1200 * MS);
        Bundle fixture = installFixture();
        try {
            assertEquals("unrelated bundles may come and go", EvaluationState.RUNNING,
                    service.status(s.id()).orElseThrow().state());
            Method first = fixture.loadClass("org.rtmmlab.itest.swap.LifoPolicy").getMethod("firstDecisionNanos");
            long t0 = System.nanoTime();
            service.swap(s.id(), LIFO, Map.of());
            EvaluationStatus swapped = await(s.id(), "the swap", x -> !x.swaps().isEmpty());
            awaitTrue("the first decision of swap-lifo", () -> invoke(first) != 0);
            long latency = invoke(first) - t0;
            System.out.printf("swap latency (swap() to the first decision of the new policy): %.3f ms%n", latency / 1e6);
            assertTrue("latency " + latency, latency > 0);
            SchedulerSwap swap = swapped.swaps().get(0);
            assertEquals("fcfs", swap.fromScheduler());
            assertEquals("rtmm-scheduler-classic", swap.fromBundle());
            assertEquals(LIFO, swap.toScheduler());
            assertEquals(FIXTURE, swap.toBundle());
            assertEquals(fixture.getVersion().toString(), swap.toVersion());
            assertTrue(swap.timeNs() >= 1200 * MS);

            EvaluationStatus done = await(s.id(), "the end", x -> x.state().isFinal());
            assertEquals(done.message(), EvaluationState.FINISHED, done.state());
            assertEquals(4 * S, done.simulatedNs());
            assertTrue(done.windows().stream().anyMatch(w -> w.endNs() <= swap.timeNs() && w.scheduler().equals("fcfs")));
            assertTrue(done.windows().stream().anyMatch(w -> w.startNs() >= swap.timeNs() && w.scheduler().equals(LIFO)));

            Path dir = service.resultsDir().resolve(s.id());
            String config = Files.readString(dir.resolve("config.json"));
            assertTrue(config, config.contains("\"to\": \"swap-lifo\""));
            assertTrue(config, config.contains("\"timeNs\": " + swap.timeNs()));
            // summary.json's windows (500 ms, by release time) on each side of the swap
            String summary = Files.readString(dir.resolve("summary.json"));
            int swapWindow = (int) (swap.timeNs() / (500 * MS));
            assertTrue(summary.contains("window." + (swapWindow - 1) + ".released"));
            assertTrue(summary.contains("window." + (swapWindow + 1) + ".released"));
            String evaluation = Files.readString(dir.resolve("evaluation.json"));
            assertTrue(evaluation, evaluation.contains("\"toBundle\": \"" + FIXTURE + "\""));
            ResultEntry entry = service.results().stream().filter(r -> r.id().equals(s.id())).findFirst().orElseThrow();
            assertEquals(List.of("fcfs", LIFO), entry.schedulers());
            assertTrue(entry.plugins().toString(), entry.plugins().containsKey(FIXTURE));
            assertTrue(entry.files().contains("report.html"));
            assertTrue(entry.files().contains("trace.perfetto-trace"));
        } finally {
            fixture.uninstall();
        }
        // results stay readable when the plugin is gone
        awaitTrue("swap-lifo gone", () -> catalog.find(PluginKind.SCHEDULER, LIFO).isEmpty());
        assertTrue(service.results().stream().anyMatch(r -> r.id().equals(s.id()) && r.plugins().containsKey(FIXTURE)));
    }

    private static long invoke(Method m) {
        try {
            return (Long) m.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void uninstallingTheRunningSchedulerWaitsAndResumesWhenItReturns() throws Exception {
        Bundle fixture = installFixture();
        EvaluationStatus s = service.submit(paced(LIFO, 3, 4.0));
        await(s.id(), "0.5 s simulated", x -> x.simulatedNs() >= 500 * MS);
        fixture.uninstall();
        EvaluationStatus waiting = await(s.id(), "waiting", x -> x.state() == EvaluationState.WAITING_FOR_SCHEDULER);
        assertEquals("waiting for scheduler swap-lifo", waiting.message());
        Thread.sleep(300);
        EvaluationStatus still = service.status(s.id()).orElseThrow();
        assertEquals(EvaluationState.WAITING_FOR_SCHEDULER, still.state());
        assertEquals("simulated time stands while waiting", waiting.simulatedNs(), still.simulatedNs());
        Bundle back = installFixture();
        try {
            EvaluationStatus done = await(s.id(), "the end", x -> x.state().isFinal());
            assertEquals(done.message(), EvaluationState.FINISHED, done.state());
            assertEquals(1, done.swaps().size());
            SchedulerSwap swap = done.swaps().get(0);
            assertEquals(LIFO, swap.fromScheduler());
            assertEquals(LIFO, swap.toScheduler());
            assertEquals(FIXTURE, swap.toBundle());
            assertEquals(3 * S, done.simulatedNs());
        } finally {
            back.uninstall();
        }
    }

    @Test
    public void aSchedulerThatDoesNotReturnFailsTheEvaluationCleanlyKeepingItsResults() throws Exception {
        org.osgi.service.cm.Configuration cfg = configAdmin.getConfiguration("org.rtmmlab.evaluation", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("schedulerTimeout", "1");
        cfg.update(props);
        try {
            Method timeout = service.getClass().getDeclaredMethod("schedulerTimeoutNs");
            timeout.setAccessible(true);
            awaitTrue("the new timeout", () -> {
                try {
                    return (Long) timeout.invoke(service) == S;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            Bundle fixture = installFixture();
            EvaluationStatus s = service.submit(paced(LIFO, 3, 4.0));
            await(s.id(), "0.5 s simulated", x -> x.simulatedNs() >= 500 * MS);
            fixture.uninstall();
            await(s.id(), "waiting", x -> x.state() == EvaluationState.WAITING_FOR_SCHEDULER);
            EvaluationStatus done = await(s.id(), "the failure", x -> x.state().isFinal());
            assertEquals(EvaluationState.FAILED, done.state());
            assertTrue(done.message(), done.message().contains("scheduler swap-lifo did not return within 1.0 s"));
            Path dir = service.resultsDir().resolve(s.id());
            String summary = Files.readString(dir.resolve("summary.json"));
            assertTrue("partial results kept and marked", summary.contains("run.failed"));
            assertTrue(Files.isRegularFile(dir.resolve("requests.csv")));
            assertTrue(Files.readString(dir.resolve("config.json")).contains("\"state\": \"failed\""));
            ResultEntry entry = service.results().stream().filter(r -> r.id().equals(s.id())).findFirst().orElseThrow();
            assertEquals(EvaluationState.FAILED, entry.state());
            assertFalse(entry.files().isEmpty());
        } finally {
            cfg.delete();
        }
    }
}
