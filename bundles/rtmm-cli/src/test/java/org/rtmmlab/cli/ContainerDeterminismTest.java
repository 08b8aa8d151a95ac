package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationService;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.EvaluationStatus;
import org.rtmmlab.evaluation.internal.EvaluationServiceImpl;

/**
 * Issue 17, item 6 (container part): the same runs through the command line ({@code run}, {@code sweep}) and through
 * the container's evaluation service (a single run and a comparison, two workers) give byte-identical
 * {@code summary.json} files. The service is the container's own {@link EvaluationServiceImpl}, built as DS builds it
 * (its activator, a framework giving {@code rtmm.data.dir}); only the plugin discovery differs (the plain-classpath
 * catalog instead of DS services; the plugin classes are the same). {@code EvaluationIT} checks that discovery in Felix.
 */
class ContainerDeterminismTest {

    private static final String SCENARIO = "xrbench/AR_gaming";
    private static final String PLATFORM = "xrbench/Dual_4K__WS_OS";
    private static final String CELL = "xrbench_AR_gaming/xrbench_Dual_4K__WS_OS/";
    private static final List<String> SCHEDULERS = List.of("edf", "herald");
    private static final long SEED = 5;
    private static final long DURATION_NS = 300_000_000L;

    @Test
    void cliRunSweepAndContainerGiveByteIdenticalSummaries(@TempDir Path dir) throws Exception {
        Map<String, byte[]> cli = new HashMap<>();
        for (String sched : SCHEDULERS) {
            Path out = dir.resolve("run-" + sched);
            CliRunTest.Outcome o = rtmm("run", "--scenario", SCENARIO, "--platform", PLATFORM, "--scheduler", sched,
                    "--seed", Long.toString(SEED), "--duration", "300ms", "--progress", "none", "--report", "json",
                    "--out", out.toString());
            assertEquals(0, o.code(), o.err());
            cli.put(sched, Files.readAllBytes(out.resolve("summary.json")));
        }

        Path data = Files.createDirectories(dir.resolve("container-data"));
        BundleContext framework = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> m.getName().equals("getProperty")
                        && "rtmm.data.dir".equals(a[0]) ? data.toString() : null);
        EvaluationServiceImpl service = new EvaluationServiceImpl(
                ServiceLoaderCatalog.load(getClass().getClassLoader(), w -> { }), framework, Map.of("workers", "2"));
        try {
            EvaluationStatus single = service.submit(request(List.of("edf")));
            EvaluationStatus comparison = service.submit(request(SCHEDULERS));
            Path singleDir = finished(service, single.id()).resultDir();
            Path comparisonDir = finished(service, comparison.id()).resultDir();
            assertArrayEquals(cli.get("edf"), Files.readAllBytes(singleDir.resolve("summary.json")),
                    "edf: run vs the container's single run");
            for (String sched : SCHEDULERS) {
                assertArrayEquals(cli.get(sched), Files.readAllBytes(
                        comparisonDir.resolve(CELL + sched + "-seed" + SEED + "/summary.json")),
                        sched + ": run vs the container's comparison");
            }
        } finally {
            Method deactivate = EvaluationServiceImpl.class.getDeclaredMethod("deactivate");
            deactivate.setAccessible(true);
            deactivate.invoke(service);
        }

        Path spec = Files.writeString(dir.resolve("s.json"), """
                {"version": 1, "name": "audit", "schedulers": ["edf", "herald"], "scenarios": ["%s"],
                 "platforms": ["%s"], "seeds": [%d], "durationMs": [300]}""".formatted(SCENARIO, PLATFORM, SEED));
        CliRunTest.Outcome o = rtmm("sweep", "--spec", spec.toString(), "--out", dir.resolve("sweep").toString(),
                "--jobs", "2", "--progress", "none");
        assertEquals(0, o.code(), o.err());
        java.util.Set<String> matched = new java.util.TreeSet<>();
        try (var points = Files.list(dir.resolve("sweep/points"))) {
            for (Path p : points.sorted().toList()) {
                byte[] summary = Files.readAllBytes(p.resolve("summary.json"));
                String same = cli.entrySet().stream().filter(e -> java.util.Arrays.equals(e.getValue(), summary))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                assertEquals(true, same != null, "sweep point " + p.getFileName() + ": summary.json differs from every run's");
                matched.add(same);
            }
        }
        assertEquals(new java.util.TreeSet<>(SCHEDULERS), matched, "each scheduler's point is byte-identical to its run");
    }

    private static EvaluationRequest request(List<String> schedulers) {
        return new EvaluationRequest(List.of(SCENARIO), List.of(PLATFORM), schedulers, List.of(SEED), DURATION_NS,
                false, Map.of(), List.of("json"), 0, null);
    }

    private static EvaluationStatus finished(EvaluationService service, String id) throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (true) {
            EvaluationStatus s = service.status(id).orElseThrow();
            if (s.state().isFinal()) {
                assertEquals(EvaluationState.FINISHED, s.state(), id + ": " + s.message());
                return s;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(id + " did not finish in 120 s: " + s);
            }
            Thread.sleep(20);
        }
    }
}
