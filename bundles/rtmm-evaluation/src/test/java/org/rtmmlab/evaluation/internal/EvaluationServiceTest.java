package org.rtmmlab.evaluation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.engine.catalog.DefaultPluginCatalog;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.EvaluationStatus;
import org.rtmmlab.evaluation.ResultEntry;

/** The service over the plain-classpath catalog (XRBench scenarios and tables, classic schedulers, json reporter). */
class EvaluationServiceTest {

    private static final String SCENARIO = "xrbench/VR_gaming";
    private static final String PLATFORM = "xrbench/Dual_4K__WS_OS";
    private static final long MS = 1_000_000L;

    @TempDir
    Path data;
    private DefaultPluginCatalog catalog;
    private EvaluationServiceImpl service;

    @BeforeEach
    void start() {
        catalog = ServiceLoaderCatalog.load(getClass().getClassLoader(), p -> { });
        service = new EvaluationServiceImpl(catalog, data, Map.of("workers", "2"));
    }

    @AfterEach
    void stop() {
        service.deactivate();
    }

    private static EvaluationRequest run(String scheduler, long durationNs, double pace, Map<String, String> props) {
        return new EvaluationRequest(List.of(SCENARIO), List.of(PLATFORM), List.of(scheduler), List.of(1L), durationNs,
                false, props, List.of("json", "csv"), pace, null);
    }

    private EvaluationStatus await(String id, Predicate<EvaluationStatus> condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            EvaluationStatus s = service.status(id).orElseThrow();
            if (condition.test(s)) {
                return s;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out; status " + s);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void singleRunIsPublishedAtomicallyAndIndexed() throws Exception {
        List<EvaluationStatus> seen = new CopyOnWriteArrayList<>();
        EvaluationStatus submitted = service.submit(run("fcfs", 300 * MS, 0, Map.of()));
        service.watch(submitted.id(), seen::add);
        EvaluationStatus done = await(submitted.id(), s -> s.state().isFinal());
        assertEquals(EvaluationState.FINISHED, done.state(), done.message());
        Path dir = data.resolve("results").resolve(submitted.id());
        assertEquals(dir, done.resultDir());
        for (String f : List.of("config.json", "summary.json", "requests.csv", "evaluation.json")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        String evaluation = Files.readString(dir.resolve("evaluation.json"));
        assertTrue(evaluation.contains("\"state\": \"FINISHED\""), evaluation);
        assertTrue(evaluation.contains("\"schedulers\": [\n    \"fcfs\"\n  ]"), evaluation);
        String index = Files.readString(data.resolve("results/index.json"));
        assertTrue(index.contains("\"id\": \"" + submitted.id() + "\""), index);
        assertTrue(index.contains("\"summary.json\""), index);
        try (var s = Files.list(data.resolve("results/.staging"))) {
            assertEquals(0, s.count(), "nothing left in staging");
        }
        ResultEntry entry = service.results().get(0);
        assertEquals(submitted.id(), entry.id());
        assertEquals(EvaluationState.FINISHED, entry.state());
        assertFalse(entry.plugins().isEmpty());
        Thread.sleep(100); // the watcher is told on the notifier thread
        assertEquals(EvaluationState.FINISHED, seen.get(seen.size() - 1).state(), "watchers get the final state");
        assertEquals(1, done.runsDone());
    }

    @Test
    void comparisonWritesOneFolderPerRun() throws Exception {
        EvaluationStatus s = service.submit(new EvaluationRequest(List.of(SCENARIO), List.of(PLATFORM),
                List.of("fcfs", "edf"), List.of(1L), 200 * MS, false, Map.of("blockLayers", "2",
                "report.trace.window", "0..100ms"), List.of("json", "html"), 0, null));
        EvaluationStatus done = await(s.id(), x -> x.state().isFinal());
        assertEquals(EvaluationState.FINISHED, done.state(), done.message());
        assertEquals(2, done.runsDone());
        Path dir = data.resolve("results").resolve(s.id());
        assertTrue(Files.isRegularFile(dir.resolve("xrbench_VR_gaming/xrbench_Dual_4K__WS_OS/fcfs-seed1/summary.json")));
        assertTrue(Files.isRegularFile(dir.resolve("xrbench_VR_gaming/xrbench_Dual_4K__WS_OS/edf-seed1/summary.json")));
        assertTrue(Files.isRegularFile(dir.resolve("compare.html")), "the reporters' comparison files");
        String evaluation = Files.readString(dir.resolve("evaluation.json"));
        assertTrue(evaluation.contains("\"dir\": \"xrbench_VR_gaming/xrbench_Dual_4K__WS_OS/edf-seed1\""), evaluation);
        // each scheduler got only the properties it declares (both classic policies declare blockLayers)
        assertTrue(Files.readString(dir.resolve("xrbench_VR_gaming/xrbench_Dual_4K__WS_OS/fcfs-seed1/config.json"))
                .contains("\"blockLayers\": \"2\""));
        // reporter properties (report.*) reach every run of a comparison
        assertTrue(Files.readString(dir.resolve("xrbench_VR_gaming/xrbench_Dual_4K__WS_OS/edf-seed1/config.json"))
                .contains("\"report.trace.window\": \"0..100ms\""));
    }

    @Test
    void pacedRunSwapsPausesResumesAndCancelsKeepingWhatItMeasured() throws Exception {
        EvaluationStatus s = service.submit(run("fcfs", 5000 * MS, 2.0, Map.of("engine.window", "100ms")));
        await(s.id(), x -> x.state() == EvaluationState.RUNNING && x.simulatedNs() >= 200 * MS);
        service.swap(s.id(), "edf", Map.of());
        EvaluationStatus swapped = await(s.id(), x -> !x.swaps().isEmpty());
        assertEquals("fcfs", swapped.swaps().get(0).fromScheduler());
        assertEquals("edf", swapped.swaps().get(0).toScheduler());
        long swapNs = swapped.swaps().get(0).timeNs();
        await(s.id(), x -> x.windows().stream().anyMatch(w -> w.startNs() > swapNs && w.scheduler().equals("edf")));
        EvaluationStatus live = service.status(s.id()).orElseThrow();
        assertTrue(live.windows().stream().anyMatch(w -> w.scheduler().equals("fcfs")), "windows before the swap");
        assertTrue(live.live().get("released") > 0);
        service.pause(s.id());
        EvaluationStatus paused = await(s.id(), x -> x.state() == EvaluationState.PAUSED);
        Thread.sleep(300);
        assertEquals(paused.simulatedNs(), service.status(s.id()).orElseThrow().simulatedNs(), "paused: time stands");
        assertThrows(InvalidInputException.class, () -> service.pause(s.id()));
        service.resume(s.id());
        await(s.id(), x -> x.state() == EvaluationState.RUNNING);
        service.cancel(s.id());
        EvaluationStatus done = await(s.id(), x -> x.state().isFinal());
        assertEquals(EvaluationState.CANCELLED, done.state());
        Path dir = data.resolve("results").resolve(s.id());
        assertTrue(Files.readString(dir.resolve("config.json")).contains("\"state\": \"cancelled\""));
        assertTrue(Files.readString(dir.resolve("summary.json")).contains("run.cancelled"));
        String evaluation = Files.readString(dir.resolve("evaluation.json"));
        assertTrue(evaluation.contains("\"state\": \"CANCELLED\""), evaluation);
        assertTrue(evaluation.contains("\"to\": \"edf\""), evaluation);
        assertEquals(List.of("fcfs", "edf"), service.results().get(0).schedulers());
        assertThrows(InvalidInputException.class, () -> service.swap(s.id(), "fcfs", Map.of()), "ended");
    }

    @Test
    void aQueuedEvaluationIsCancelledAtOnce() throws Exception {
        service.modified(Map.of("workers", "1"));
        EvaluationStatus busy = service.submit(run("fcfs", 5000 * MS, 1.0, Map.of()));
        EvaluationStatus queued = service.submit(run("edf", 100 * MS, 0, Map.of()));
        assertEquals(EvaluationState.QUEUED, service.status(queued.id()).orElseThrow().state());
        EvaluationStatus cancelled = service.cancel(queued.id());
        assertEquals(EvaluationState.CANCELLED, cancelled.state(), "not left queued behind the running one");
        assertEquals("cancelled before it started", cancelled.message());
        assertTrue(Files.isRegularFile(data.resolve("results").resolve(queued.id()).resolve("evaluation.json")));
        service.cancel(busy.id());
        assertEquals(EvaluationState.CANCELLED, await(busy.id(), x -> x.state().isFinal()).state());
    }

    @Test
    void badRequestsAreRefusedWithOneLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> service.submit(run("no-such", 0, 0, Map.of())));
        assertTrue(e.getMessage().contains("no-such"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> service.submit(run("fcfs", 0, 0, Map.of("zzz", "1"))));
        assertTrue(e.getMessage().contains("zzz"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> service.resume("e9999"));
        assertThrows(InvalidInputException.class, () -> service.swap("e9999", "edf", Map.of()));
        assertTrue(service.list().isEmpty(), "nothing was queued");
    }

    @Test
    void deactivationRemovesTheCatalogListenerSoRestartsDoNotPileThemUp() {
        int withOne = catalog.listenerCount();
        for (int i = 0; i < 3; i++) {
            service.deactivate();
            assertEquals(withOne - 1, catalog.listenerCount(), "the deactivated service's listener is removed");
            service = new EvaluationServiceImpl(catalog, data, Map.of("workers", "1"));
        }
        assertEquals(withOne, catalog.listenerCount());
    }

    @Test
    void restartSetsInterruptedEvaluationsApartAndNeverReusesIds() throws Exception {
        EvaluationStatus first = service.submit(run("fcfs", 100 * MS, 0, Map.of()));
        await(first.id(), x -> x.state().isFinal());
        service.deactivate();
        // a container killed mid-run leaves its staging folder behind (evaluation.json says RUNNING)
        Path results = data.resolve("results");
        Path staged = results.resolve(".staging/e0042");
        Files.createDirectories(staged);
        Files.writeString(staged.resolve("evaluation.json"), Files.readString(results.resolve(first.id())
                .resolve("evaluation.json")).replace(first.id(), "e0042").replace("\"FINISHED\"", "\"RUNNING\""));
        Files.writeString(staged.resolve("half.csv"), "a,b\n1,");
        Files.createDirectories(results.resolve(".staging/.e0042.partial"));
        Files.createDirectories(results.resolve("e0050"));
        Files.writeString(results.resolve("e0050/evaluation.json"), "{ not json");
        service = new EvaluationServiceImpl(catalog, data, Map.of("workers", "1"));
        List<ResultEntry> entries = service.results();
        ResultEntry interrupted = entries.stream().filter(r -> r.id().equals("e0042")).findFirst().orElseThrow();
        assertEquals(EvaluationState.INTERRUPTED, interrupted.state());
        assertEquals(results.resolve(".interrupted/e0042"), interrupted.dir());
        assertTrue(Files.isRegularFile(interrupted.dir().resolve("half.csv")), "partial files kept apart");
        assertTrue(Files.isDirectory(interrupted.dir().resolve("e0042.partial")));
        assertTrue(entries.stream().anyMatch(r -> r.id().equals(first.id()) && r.state() == EvaluationState.FINISHED));
        assertFalse(Files.exists(results.resolve("e0042")), "nothing half-written is listed as finished");
        String index = Files.readString(results.resolve("index.json"));
        assertTrue(index.contains("\"dir\": \".interrupted/e0042\""), index);
        assertEquals(EvaluationState.INTERRUPTED, service.status("e0042").orElseThrow().state());
        assertTrue(entries.stream().noneMatch(r -> r.id().equals("e0050")), "an unreadable folder is not listed");
        EvaluationStatus next = service.submit(run("fcfs", 100 * MS, 0, Map.of()));
        assertEquals("e0051", next.id(), "ids continue above every folder, listed or not");
    }

    @Test
    void configurationIsCheckedAndApplied() {
        assertEquals(2, service.workerCount());
        service.modified(Map.of("workers", "3", "schedulerTimeout", "0.5"));
        assertEquals(3, service.workerCount());
        assertEquals(500 * MS, service.schedulerTimeoutNs());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ServiceConfig.workers(Map.of("workers", "0")));
        assertTrue(e.getMessage().contains("workers"), e.getMessage());
        assertEquals(Path.of("/x/data"), ServiceConfig.dataDir(Map.of(), "/x/data"));
    }
}
